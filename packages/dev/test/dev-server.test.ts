import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDevService,
  type DevProcess,
  HTTP_SOURCE,
  startDev,
} from './dev-service.js';

// The real server, in its own process, on a real port, driven with fetch.
describe('nest-lambda-dev', { timeout: 120_000 }, () => {
  let root: string;
  let dev: DevProcess;
  let base: string;

  beforeAll(async () => {
    root = createDevService();
    dev = startDev(root, ['--port', '0']);
    base = (await dev.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  }, 120_000);

  afterAll(() => {
    dev?.child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('lists every function and the placeholders for values only AWS has, once', () => {
    expect(dev.output()).toContain(`api (http-api): ${base}/…`);
    expect(dev.output()).toContain(`partner (rest-api): ${base}/v1/…`);
    expect(dev.output()).toContain(
      `jobs (sqs): POST ${base}/_functions/jobs/invoke`,
    );
    expect(dev.output().match(/placeholders/g)).toHaveLength(1);
    expect(dev.output()).toContain('api: TABLE_NAME=local-table-name');
  });

  it('turns a request into an HTTP API event, and the result into the response', async () => {
    const response = await fetch(`${base}/orders?tag=a&tag=b`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'a=1; b=2' },
      body: JSON.stringify({ sku: 'A1' }),
    });
    const { event, table, mode } = (await response.json()) as {
      event: Record<string, unknown> & {
        requestContext: { http: { method: string } };
      };
      table: string;
      mode: string;
    };

    expect(response.status).toBe(200);
    expect(response.headers.get('x-answer')).toBe('one');
    expect(response.headers.getSetCookie()).toEqual([
      'session=abc; Path=/',
      'theme=dark',
    ]);
    expect(event).toMatchObject({
      version: '2.0',
      rawPath: '/orders',
      rawQueryString: 'tag=a&tag=b',
      queryStringParameters: { tag: 'a,b' },
      cookies: ['a=1', 'b=2'],
      body: '{"sku":"A1"}',
      isBase64Encoded: false,
    });
    expect(event.requestContext.http.method).toBe('POST');
    // The environment its construct declares: a value as is, a reference as a placeholder.
    expect({ table, mode }).toEqual({
      table: 'local-table-name',
      mode: 'local-test',
    });
  });

  it('serves a REST API function behind its stage, with multi-value headers and a base64 body', async () => {
    const response = await fetch(`${base}/v1/partners/7?x=1&x=2`);

    expect(response.headers.get('x-many')).toBe('a, b');
    expect(await response.json()).toEqual({
      path: '/partners/7',
      query: { x: ['1', '2'] },
    });
  });

  it('answers the 404 of the function', async () => {
    expect((await fetch(`${base}/missing`)).status).toBe(404);
  });

  it('answers a CORS preflight for an HTTP API function from its policy, as the HTTP API does, without running it', async () => {
    const preflight = (origin: string, method: string) =>
      fetch(`${base}/orders`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': method,
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://app.example.com', 'POST');
    const otherOrigin = await preflight('https://evil.example.com', 'POST');
    const otherMethod = await preflight('https://app.example.com', 'DELETE');

    expect(allowed.status).toBe(204);
    expect(Object.fromEntries(allowed.headers)).toMatchObject({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers': 'content-type,x-api-key',
      'access-control-max-age': '600',
    });
    expect(allowed.headers.get('x-answer')).toBeNull();
    for (const refused of [otherOrigin, otherMethod]) {
      expect(refused.status).toBe(204);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('adds the CORS headers of the policy to the responses to an allowed origin, and to no other', async () => {
    const allowed = await fetch(`${base}/orders`, {
      headers: { origin: 'https://app.example.com' },
    });
    const other = await fetch(`${base}/orders`, {
      headers: { origin: 'https://evil.example.com' },
    });

    expect(allowed.headers.get('x-answer')).toBe('one');
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'https://app.example.com',
    );
    expect(allowed.headers.get('access-control-expose-headers')).toBe(
      'x-answer',
    );
    expect(other.headers.get('x-answer')).toBe('one');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves a preflight behind a REST API stage to that function, which answers CORS itself', async () => {
    const response = await fetch(`${base}/v1/partners/7`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
      },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-many')).toBe('a, b');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('wraps a short form into an SQS event and answers with the batch response', async () => {
    const response = await fetch(`${base}/_functions/jobs/invoke`, {
      method: 'POST',
      body: JSON.stringify({
        records: [{ body: { ok: true } }, { body: { ok: false } }],
      }),
    });
    const { batchItemFailures } = (await response.json()) as {
      batchItemFailures: unknown[];
    };

    expect(batchItemFailures).toEqual([{ itemIdentifier: expect.any(String) }]);
  });

  it('passes a full event as is', async () => {
    const event = { Records: [{ messageId: 'm-1', body: '{}' }] };
    const response = await fetch(`${base}/_functions/jobs/invoke`, {
      method: 'POST',
      body: JSON.stringify(event),
    });

    expect(await response.json()).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-1' }],
    });
  });

  it('prints one line per request: method, path, function, status, duration', () => {
    expect(dev.output()).toMatch(
      /^POST \/orders\?tag=a&tag=b → api 200 \d+ ms$/m,
    );
    expect(dev.output()).toMatch(
      /^GET \/v1\/partners\/7\?x=1&x=2 → partner 200 \d+ ms$/m,
    );
    expect(dev.output()).toMatch(
      /^POST \/_functions\/jobs\/invoke → jobs 200 \d+ ms$/m,
    );
  });

  it('runs the new code after a save, and keeps the last good build after a failed compile', async () => {
    const source = join(root, 'src/functions/api.function.ts');
    writeFileSync(source, HTTP_SOURCE('two'));
    await dev.waitFor(/compiled in \d+ ms; serving the new build/);
    expect((await fetch(`${base}/x`)).headers.get('x-answer')).toBe('two');

    appendFileSync(source, "\nconst broken: number = 'text';\n");
    await dev.waitFor(
      /compile failed \(1 error: .*TS2322.*\); still serving the last good build/,
    );
    expect((await fetch(`${base}/x`)).headers.get('x-answer')).toBe('two');
  });
});

describe('nest-lambda-dev start and stop', { timeout: 120_000 }, () => {
  let root: string;
  beforeAll(() => {
    root = createDevService();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('says in one line that the port is taken, and how to fix it', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const dev = startDev(root, [], { PORT: String(port) });
    try {
      const exit = await new Promise<number | null>((resolve) =>
        dev.child.once('exit', resolve),
      );
      expect(exit).toBe(1);
      expect(dev.output().trim().split('\n').at(-1)).toBe(
        `Error: port ${port} on 127.0.0.1 is taken; stop what uses it, or pass --port <n> (or set PORT).`,
      );
    } finally {
      dev.child.kill('SIGKILL');
      taken.close();
    }
  });

  it('stops on SIGINT with exit 0 and leaves no process behind', async () => {
    const dev = startDev(root, ['--port', '0']);
    await dev.waitFor(/listening on/);
    const pid = dev.child.pid!;
    const children = () =>
      execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], {
        encoding: 'utf8',
      }).trim();
    expect(children()).not.toBe(''); // tsc --watch

    const tscPids = children().split(/\s+/);
    dev.child.kill('SIGINT');
    const exit = await new Promise<number | null>((resolve) =>
      dev.child.once('exit', resolve),
    );

    expect(exit).toBe(0);
    const alive = tscPids.filter((child) => {
      try {
        process.kill(Number(child), 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  });
});
