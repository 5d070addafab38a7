import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDevService,
  type DevProcess,
  HTTP_SOURCE,
  startDev,
} from './dev-service.js';

// A function URL function that streams (awslambda.streamifyResponse, as the runtime's entry with
// `responseStreaming: true` is), served by the real dev server and read with fetch as it arrives.
const LIVE_SOURCE = `// trigger: 'function-url'
const { awslambda } = globalThis as any;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const handler = awslambda.streamifyResponse(async (event: any, stream: any) => {
  let left = false;
  stream.on('close', () => (left = true));
  if (event.rawPath === '/nothing' || event.rawPath === '/gone') {
    const out = awslambda.HttpResponseStream.from(stream, { statusCode: 404, headers: { 'content-type': 'application/json' }, cookies: [] });
    out.write(event.rawPath === '/gone' ? '{"message":"gone"}' : '{"message":"Cannot GET /nothing","statusCode":404}');
    return out.end();
  }
  const out = awslambda.HttpResponseStream.from(stream, {
    statusCode: 200,
    headers: { 'content-type': 'text/event-stream' },
    cookies: ['live=1; Path=/'],
  });
  const count = event.rawPath === '/forever' ? Infinity : 3;
  for (let index = 0; index < count && !left; index++) {
    out.write('data: ' + index + '\\n\\n');
    await sleep(150);
  }
  if (left) console.log('the client left');
  else out.end();
});
`;

describe(
  'nest-lambda-dev with a streaming function',
  { timeout: 120_000 },
  () => {
    let root: string;
    let dev: DevProcess;
    let base: string;

    beforeAll(async () => {
      root = createDevService({
        'src/functions/api.function.ts': null,
        'src/functions/partner.function.ts': null,
        'src/functions/live.function.ts': LIVE_SOURCE,
        // Tried after `live` (by name): it answers the routes `live` does not have.
        'src/functions/other.function.ts': HTTP_SOURCE('other'),
      });
      dev = startDev(root, ['--port', '0']);
      base = (
        await dev.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)
      )[1]!;
    }, 120_000);

    afterAll(() => {
      dev?.child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    });

    it('sends each event as the function writes it, with the prelude as status, headers and cookies', async () => {
      // The first request waits for the first compile.
      await fetch(`${base}/events`, { signal: AbortSignal.timeout(100_000) });
      const started = performance.now();
      const response = await fetch(`${base}/events`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      expect(response.headers.getSetCookie()).toEqual(['live=1; Path=/']);
      const arrivals: Array<{ ms: number; text: string }> = [];
      const decoder = new TextDecoder();
      for await (const chunk of response.body!) {
        arrivals.push({
          ms: performance.now() - started,
          text: decoder.decode(chunk),
        });
      }
      expect(arrivals.map((a) => a.text).join('')).toBe(
        'data: 0\n\ndata: 1\n\ndata: 2\n\n',
      );
      // The first event was there well before the last one was written.
      expect(arrivals.at(-1)!.ms - arrivals[0]!.ms).toBeGreaterThan(200);
    });

    it('answers the 404 of a streaming function, and leaves a route it does not have to the next function', async () => {
      const gone = await fetch(`${base}/gone`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(gone.status).toBe(404);
      expect(await gone.json()).toEqual({ message: 'gone' });
      const nothing = await fetch(`${base}/nothing`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(nothing.status).toBe(200);
      expect(await nothing.json()).toMatchObject({ answer: 'other' });
    });

    it("closes the function's stream when the client leaves, and keeps serving", async () => {
      const controller = new AbortController();
      const response = await fetch(`${base}/forever`, {
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toBe(
        'data: 0\n\n',
      );
      controller.abort();
      await dev.waitFor(/the client left/, 10_000);
      const again = await fetch(`${base}/events`, {
        signal: AbortSignal.timeout(10_000),
      });
      expect(await again.text()).toBe('data: 0\n\ndata: 1\n\ndata: 2\n\n');
    });
  },
);
