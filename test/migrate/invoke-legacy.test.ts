import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  invokeLegacy,
  type LegacyHandler,
} from '../../templates/migrate/support/src/legacy/invoke-legacy.js';
import {
  outcomeOf,
  runLikeLambda,
  type Outcome,
} from './support/run-like-lambda.js';

const dir = fileURLToPath(
  new URL('../fixtures/legacy/handlers/', import.meta.url),
);
const load = createRequire(dir);

const context = (): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'legacy',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy',
  memoryLimitInMB: '128',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/legacy',
  logStreamName: '2026/01/01/[$LATEST]abc',
  getRemainingTimeInMillis: () => 30000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

async function adapterOutcome(
  file: string,
  exportName: string,
  event: unknown,
) {
  const module = (
    /\.m?[jt]s$/.test(file) && !file.endsWith('.js')
      ? await import(dir + file)
      : load(dir + file)
  ) as Record<string, LegacyHandler>;
  return outcomeOf(
    invokeLegacy(module[exportName] as LegacyHandler, event, context()),
  );
}

const cases: [string, string, unknown, Outcome][] = [
  [
    'async.mjs',
    'handler',
    { routeKey: 'POST /orders', body: '{"id":"o-1"}' },
    {
      ok: true,
      value: { statusCode: 200, body: '{"id":"o-1","route":"POST /orders"}' },
    },
  ],
  [
    'async.mjs',
    'default',
    { b: 1, a: 2 },
    { ok: true, value: { default: true, keys: ['a', 'b'] } },
  ],
  [
    'callback.js',
    'handler',
    { name: 'Ada' },
    {
      ok: true,
      value: {
        greeting: 'Hello, Ada!',
        requestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
        function: 'legacy',
      },
    },
  ],
  ['callback.js', 'twice', {}, { ok: true, value: 'second' }],
  ['callback.js', 'eager', {}, { ok: true, value: 'eager' }],
  [
    'callback.js',
    'failing',
    { id: 'o-9' },
    {
      ok: false,
      error: { errorType: 'Error', errorMessage: 'order o-9 rejected' },
    },
  ],
  [
    'callback.js',
    'failingWithString',
    {},
    {
      ok: false,
      error: { errorType: 'string', errorMessage: 'plain failure' },
    },
  ],
  [
    'context.js',
    'succeed',
    { items: [{ price: 2, quantity: 3 }] },
    { ok: true, value: { total: 6 } },
  ],
  [
    'context.js',
    'fail',
    {},
    {
      ok: false,
      error: { errorType: 'TypeError', errorMessage: 'items must be an array' },
    },
  ],
  [
    'context.js',
    'failEmpty',
    {},
    { ok: false, error: { errorType: 'string', errorMessage: 'handled' } },
  ],
  ['context.js', 'done', {}, { ok: true, value: { done: true } }],
  [
    'context.js',
    'done',
    { error: 'no stock' },
    { ok: false, error: { errorType: 'Error', errorMessage: 'no stock' } },
  ],
  ['mixed.cjs', 'promiseAndCallback', {}, { ok: true, value: 'from promise' }],
  [
    'mixed.cjs',
    'callbackErrorFirst',
    {},
    {
      ok: false,
      error: { errorType: 'Error', errorMessage: 'callback error' },
    },
  ],
  [
    'mixed.cjs',
    'throwsSync',
    { n: 1 },
    {
      ok: false,
      error: { errorType: 'RangeError', errorMessage: 'bad input {"n":1}' },
    },
  ],
  [
    'mixed.cjs',
    'rejectsEmpty',
    {},
    { ok: false, error: { errorType: 'string', errorMessage: 'handled' } },
  ],
  [
    'typed.ts',
    'handler',
    {
      Records: [
        { messageId: 'm1', body: '{}' },
        { messageId: 'm2', body: 'not json' },
      ],
    },
    { ok: true, value: { batchItemFailures: [{ itemIdentifier: 'm2' }] } },
  ],
  [
    'reads-fields.js',
    'handler',
    { Records: [{ s3: { object: { key: 'a%20b.png' } } }] },
    {
      ok: true,
      value: { keys: ['a b.png'] },
    },
  ],
  ['no-answer.js', 'handler', { id: 'n-1' }, { ok: true, value: null }],
  ['no-answer.js', 'returnsValue', {}, { ok: true, value: null }],
  ['no-answer.js', 'unrefTimer', {}, { ok: true, value: null }],
];

describe('invokeLegacy answers as the Lambda Node.js runtime does', () => {
  it.each(cases)('%s#%s %j', async (file, exportName, event, expected) => {
    const reference = runLikeLambda(dir + file, exportName, event);
    expect(reference).toEqual(expected);
    expect(await adapterOutcome(file, exportName, event)).toEqual(reference);
  });

  it('answers null for a handler that neither returns a promise nor calls back, once its work is done', async () => {
    const legacy = load(`${dir}no-answer.js`) as {
      handler: LegacyHandler;
      log: string[];
    };
    const answer = invokeLegacy(legacy.handler, { id: 'n-2' }, context());
    const logAtAnswer = answer.then(() => [...legacy.log]);

    await expect(answer).resolves.toBeNull();
    expect(await logAtAnswer).toContain('stored n-2');
  });

  it('passes the real context through, with the callback-era methods added', async () => {
    const seen: unknown[] = [];
    const handler = (_event: unknown, ctx: Context) => {
      seen.push(
        ctx.functionName,
        ctx.getRemainingTimeInMillis(),
        typeof ctx.succeed,
      );
      return Promise.resolve('ok');
    };
    await invokeLegacy(handler, {}, context());
    expect(seen).toEqual(['legacy', 30000, 'function']);
  });

  it('ignores every answer after the first final one', async () => {
    const handler = (
      _event: unknown,
      ctx: Context,
      callback: (e: unknown, v?: unknown) => void,
    ) => {
      ctx.succeed('first');
      callback(new Error('too late'));
      ctx.fail(new Error('too late'));
    };
    await expect(invokeLegacy(handler, {}, context())).resolves.toBe('first');
  });

  it('takes a second callback made after the loop turns as ignored, where Lambda would wait for it', async () => {
    // Documented limit: a shared process never has an empty event loop to wait for.
    const handler = (
      _event: unknown,
      _ctx: Context,
      callback: (e: unknown, v?: unknown) => void,
    ) => {
      callback(null, 'early');
      setTimeout(() => callback(null, 'late'), 20);
    };
    await expect(invokeLegacy(handler, {}, context())).resolves.toBe('early');
  });
});
