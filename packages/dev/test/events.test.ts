import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeResult } from '../src/events.js';

// writeResult behind a real Node server, read with fetch, as a browser or curl would see it.
describe('writeResult', () => {
  let server: Server;
  let base: string;
  let next: unknown;

  beforeAll(async () => {
    server = createServer((_, res) => writeResult(res, next));
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => server.close());

  const answer = async (result: unknown) => {
    next = result;
    return fetch(base);
  };

  it('keeps every cookie of a v1 result that spells set-cookie once per cookie', async () => {
    const response = await answer({
      statusCode: 201,
      headers: {
        'Content-Type': 'text/plain',
        'set-cookie': 'a=1; Path=/',
        'Set-cookie': 'b=2',
        'sEt-cookie': 'c=3',
      },
      body: 'ok',
    });

    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual([
      'a=1; Path=/',
      'b=2',
      'c=3',
    ]);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('ok');
  });

  it('sends v2 cookies and multi-value headers, and decodes a base64 body', async () => {
    const response = await answer({
      statusCode: 200,
      multiValueHeaders: { 'X-Many': ['a', 'b'] },
      cookies: ['s=1', 't=2'],
      body: Buffer.from([0, 1, 2]).toString('base64'),
      isBase64Encoded: true,
    });

    expect(response.headers.get('x-many')).toBe('a, b');
    expect(response.headers.getSetCookie()).toEqual(['s=1', 't=2']);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([
      0, 1, 2,
    ]);
  });

  it('answers 200 with JSON for a result that is not an HTTP result', async () => {
    const response = await answer({ ok: true });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
