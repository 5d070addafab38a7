import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createEventHandler,
  type LambdaEntry,
  LambdaHandler,
  LambdaHandlerDefinitionError,
  OnSqsMessage,
} from '../src/index.js';
import { lambdaContext } from './support/context.js';
import { fixture } from './support/events.js';

@LambdaHandler()
class OrdersHandler {
  readonly seen: unknown[] = [];

  @OnSqsMessage()
  handle(@Body() body: unknown) {
    this.seen.push(body);
  }
}

@Module({ providers: [OrdersHandler] })
class OrdersModule {}

describe('createEventHandler', () => {
  it('runs event triggers as createHandler does', async () => {
    const handler = await createEventHandler(OrdersModule, {
      trigger: 'sqs',
      handler: OrdersHandler,
      logger: false,
    });
    expectTypeOf(handler).toEqualTypeOf<
      LambdaEntry<SQSEvent, SQSBatchResponse>
    >();
    const event = fixture<SQSEvent>('sqs-base', (e) => {
      e.Records = e.Records.slice(0, 1);
      e.Records[0]!.body = '{"id":1}';
    });
    const result = await handler(event, lambdaContext());
    expect(result).toEqual({ batchItemFailures: [] });
    expect(handler.app.get(OrdersHandler).seen).toEqual([{ id: 1 }]);
    await handler.app.close();
  });

  it('refuses an HTTP trigger, naming the function that takes it', async () => {
    await expect(
      createEventHandler(OrdersModule, {
        trigger: 'http-api' as 'sqs',
        handler: OrdersHandler,
        logger: false,
      }),
    ).rejects.toThrow(
      new LambdaHandlerDefinitionError(
        'createEventHandler takes event triggers; "http-api" is an HTTP trigger: use createHandler for it.',
      ),
    );
  });
});

// What the function's bundle holds, built with esbuild from the runtime's sources as NestFunction
// bundles a service (ESM, minified, class names kept; the optional packages left out).
describe('the bundle of an event function', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnl-event-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));

  async function inputsOf(call: 'createEventHandler' | 'createHandler') {
    const entry = join(dir, `${call}.ts`);
    writeFileSync(
      entry,
      [
        `import { ${call} } from ${JSON.stringify(index)};`,
        'export const start = (root: never, handler: never) =>',
        `  ${call}(root, { trigger: 'sqs', handler });`,
      ].join('\n'),
    );
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      minify: true,
      keepNames: true,
      write: false,
      metafile: true,
      outdir: dir,
      packages: 'bundle',
      external: [
        '@nestjs/*',
        'reflect-metadata',
        'rxjs',
        '@aws-lambda-powertools/*',
        '@aws-sdk/*',
        'class-validator',
        'class-transformer',
      ],
      logLevel: 'silent',
    });
    // The files with code in the output (inputs lists every file esbuild read, shaken or not).
    return Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    );
  }

  it('holds none of the HTTP stack with createEventHandler, and all of it with createHandler', async () => {
    const http = (input: string) =>
      /node_modules\/(express|body-parser|iconv-lite|mime-db|cors|finalhandler)\//.test(
        input,
      ) || input.includes('src/http/lambda-http.adapter.ts');
    const events = await inputsOf('createEventHandler');
    const all = await inputsOf('createHandler');
    expect(events.filter(http)).toEqual([]);
    // Express's request and response modules, not its index (body-parser, iconv-lite, router).
    const bundled = all
      .filter(http)
      .map((input) => input.replace(/^.*node_modules\//, ''));
    expect(bundled).toEqual(
      expect.arrayContaining([
        'express/lib/request.js',
        'express/lib/response.js',
        'mime-db/db.json',
        'finalhandler/index.js',
      ]),
    );
    expect(bundled.some((input) => input.startsWith('cors/'))).toBe(true);
    expect(
      bundled.filter((input) =>
        /^(express\/index|express\/lib\/(express|application)|body-parser|iconv-lite)\b/.test(
          input,
        ),
      ),
    ).toEqual([]);
    expect(
      all.some((input) => input.includes('src/http/lambda-http.adapter.ts')),
    ).toBe(true);
    expect(events).toContain(
      events.find((input) => input.includes('src/triggers/sqs.trigger.ts')),
    );
  }, 60_000);
});
