import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import {
  Controller,
  Get,
  HttpCode,
  type INestApplication,
  Module,
  Res,
  Sse,
  StreamableFile,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';
import { interval, map, Observable, take } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHandler,
  LambdaHandlerDefinitionError,
  type LambdaStreamingEntry,
} from '../../src/index.js';

import {
  createTestingHandler,
  installAwsLambdaGlobal,
  invokeStreaming,
  isStreamingHandler,
} from '../../src/testing/index.js';
import { functionUrlEvent } from '../support/http-events.js';
import { recordingLogger } from '../support/logs.js';

// Response streaming on a function URL: the handler's stream goes over real HTTP (the test kit's
// stand-in for Lambda's runtime, which follows aws-lambda-nodejs-runtime-interface-client), and
// what it decodes to is compared with @nestjs/platform-express serving the same routes over HTTP.

const GAP = 40;
const state = { forever: 'idle' as 'idle' | 'running' | 'unsubscribed' };

function slowChunks(parts: string[], failAfter?: number): Readable {
  return Readable.from(
    (async function* () {
      for (const [index, part] of parts.entries()) {
        if (index === failAfter) throw new Error('the file broke mid-way');
        yield Buffer.from(part);
        await new Promise((resolve) => setTimeout(resolve, GAP));
      }
    })(),
  );
}

@Controller()
class StreamingController {
  @Sse('events')
  events() {
    return interval(GAP).pipe(
      take(3),
      map((index) => ({ data: { index } })),
    );
  }

  @Sse('forever')
  forever() {
    return new Observable<{ data: string }>((subscriber) => {
      state.forever = 'running';
      const timer = setInterval(() => subscriber.next({ data: 'tick' }), 10);
      return () => {
        clearInterval(timer);
        state.forever = 'unsubscribed';
      };
    });
  }

  @Get('file')
  file() {
    return new StreamableFile(slowChunks(['one,', 'two,', 'three']), {
      type: 'text/csv',
    });
  }

  @Get('broken-file')
  brokenFile() {
    return new StreamableFile(slowChunks(['one,', 'two,'], 1), {
      type: 'text/csv',
    });
  }

  @Get('write')
  async write(@Res() response: Response) {
    response.cookie('session', 'abc', { httpOnly: true });
    response.cookie('theme', 'dark');
    response.status(201).setHeader('content-type', 'text/plain');
    for (const part of ['a', 'b', 'c']) {
      response.write(part);
      await new Promise((resolve) => setTimeout(resolve, GAP));
    }
    response.end('!');
  }

  @Get('json')
  json() {
    return { ok: true };
  }

  @Get('empty')
  @HttpCode(204)
  empty() {
    return undefined;
  }

  @Get('boom')
  boom() {
    throw new Error('before the head');
  }
}

@Module({ controllers: [StreamingController] })
class StreamingModule {}

let uninstall: () => void;
let express: INestApplication;
let port: number;
const { logger, errors } = recordingLogger();
let handler: LambdaStreamingEntry<never>;

beforeAll(async () => {
  uninstall = installAwsLambdaGlobal();
  // Express first: Nest's static Logger follows the application created last.
  express = await NestFactory.create(StreamingModule, new ExpressAdapter(), {
    logger: false,
  });
  await express.listen(0, '127.0.0.1');
  port = (express.getHttpServer().address() as AddressInfo).port;
  handler = await createHandler(StreamingModule, {
    trigger: 'function-url',
    responseStreaming: true,
    logger,
  });
});

afterAll(async () => {
  await handler?.app.close();
  await express?.close();
  uninstall?.();
});

// Headers that belong to the connection or that each side sets on its own.
const TRANSPORT = new Set([
  'connection',
  'keep-alive',
  'date',
  'transfer-encoding',
  'x-powered-by',
]);

async function overExpress(path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: { 'accept-encoding': 'identity' },
  });
  const headers: { [name: string]: string } = {};
  response.headers.forEach((value, name) => {
    if (!TRANSPORT.has(name) && name !== 'set-cookie') headers[name] = value;
  });
  return {
    statusCode: response.status,
    headers,
    cookies: response.headers.getSetCookie(),
    body: Buffer.from(await response.arrayBuffer()).toString('utf8'),
  };
}

async function overLambda(path: string) {
  const answer = await invokeStreaming(
    handler,
    functionUrlEvent({ url: path, headers: { 'accept-encoding': 'identity' } }),
  );
  return { answer, body: answer.body.toString('utf8') };
}

describe('response streaming on a function URL', () => {
  it('marks the entry with awslambda.streamifyResponse', () => {
    expect(isStreamingHandler(handler)).toBe(true);
  });

  it.each([
    '/events',
    '/file',
    '/write',
    '/json',
    '/empty',
    '/boom',
    '/nothing',
  ])('answers %s as @nestjs/platform-express does over HTTP', async (path) => {
    const [{ answer, body }, expected] = await Promise.all([
      overLambda(path),
      overExpress(path),
    ]);
    expect(answer.contentType).toBe(
      'application/vnd.awslambda.http-integration-response',
    );
    expect({
      statusCode: answer.statusCode,
      headers: answer.headers,
      cookies: answer.cookies,
      body,
    }).toEqual(expected);
  });

  it('sends each SSE event as it is produced, not at the end', async () => {
    const { answer } = await overLambda('/events');
    expect(answer.body.toString()).toBe(
      '\nid: 1\ndata: {"index":0}\n\nid: 2\ndata: {"index":1}\n\nid: 3\ndata: {"index":2}\n\n',
    );
    const events = answer.arrivals.filter((a) => a.bytes.includes('data:'));
    expect(events).toHaveLength(3);
    // The first event arrived well before the last one was produced.
    expect(events[2]!.ms - events[0]!.ms).toBeGreaterThan(GAP);
  });

  it('streams a StreamableFile and @Res() writes chunk by chunk', async () => {
    for (const [path, first, last] of [
      ['/file', 'one,', 'three'],
      ['/write', 'a', '!'],
    ] as const) {
      const { answer } = await overLambda(path);
      // HTTP keeps no chunk boundaries, so each part is found by its content.
      const at = (part: string) =>
        answer.arrivals.find((a) => a.bytes.includes(part))!.ms;
      expect(at(last) - at(first)).toBeGreaterThan(GAP);
    }
  });

  it('ends an endless @Sse() stream when the client goes away, and unsubscribes', async () => {
    const started = performance.now();
    await invokeStreaming(handler, functionUrlEvent({ url: '/forever' }), {
      onData: (received) => !received.includes('data: tick'),
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect.poll(() => state.forever).toBe('unsubscribed');
  });

  it('ends the stream and logs the error when a file fails after the head', async () => {
    errors.length = 0;
    const { answer, body } = await overLambda('/broken-file');
    expect(answer.statusCode).toBe(200);
    expect(body).toBe('one,');
    expect(errors.join('\n')).toMatch(/the file broke mid-way/);
  });

  it('answers a 500 at once when the event cannot be read, and logs why', async () => {
    errors.length = 0;
    const started = performance.now();
    const answer = await invokeStreaming(handler, null);
    expect(performance.now() - started).toBeLessThan(500);
    expect(answer.statusCode).toBe(500);
    expect(JSON.parse(answer.body.toString())).toEqual({
      statusCode: 500,
      message: 'Internal server error',
    });
    expect(errors).not.toHaveLength(0);
  });
});

describe('responseStreaming at init', () => {
  const env = process.env;
  afterAll(() => {
    process.env = env;
  });
  const start = (options: object, mode?: string) => {
    process.env = { ...env };
    if (mode) process.env['FUNCTION_URL_INVOKE_MODE'] = mode;
    else delete process.env['FUNCTION_URL_INVOKE_MODE'];
    return createHandler(StreamingModule, {
      logger: false,
      ...options,
    } as never);
  };

  it('fails on a trigger other than function-url, in one line', async () => {
    const failure = start({ trigger: 'http-api', responseStreaming: true });
    await expect(failure).rejects.toThrow(LambdaHandlerDefinitionError);
    await expect(failure).rejects.toThrow(
      /^responseStreaming works on the "function-url" trigger only; "http-api" returns one buffered response: remove responseStreaming, or serve this function from a function URL\.$/,
    );
  });

  it('fails when the function URL buffers but the entry streams', async () => {
    await expect(
      start({ trigger: 'function-url', responseStreaming: true }, 'BUFFERED'),
    ).rejects.toThrow(
      /^responseStreaming is on but the function URL's invoke mode is BUFFERED: give addFunctionUrl\(\) invokeMode: InvokeMode\.RESPONSE_STREAM/,
    );
  });

  it('fails when the function URL streams but the entry does not', async () => {
    await expect(
      start({ trigger: 'function-url' }, 'RESPONSE_STREAM'),
    ).rejects.toThrow(
      /^The function URL streams \(FUNCTION_URL_INVOKE_MODE=RESPONSE_STREAM\) but the entry does not: pass responseStreaming: true/,
    );
  });

  it('fails outside Lambda without the awslambda global', async () => {
    uninstall();
    try {
      await expect(
        start({ trigger: 'function-url', responseStreaming: true }),
      ).rejects.toThrow(/^responseStreaming needs the awslambda global/);
    } finally {
      uninstall = installAwsLambdaGlobal();
    }
  });
});

describe('createTestingHandler', () => {
  it('refuses responseStreaming in one line that names invokeStreaming', async () => {
    await expect(
      createTestingHandler(StreamingModule, {
        trigger: 'function-url',
        responseStreaming: true,
        logger: false,
      }),
    ).rejects.toThrow(
      /^createTestingHandler does not stream: invoke the entry created with responseStreaming through the test kit's invokeStreaming\(handler, event\) instead\.$/,
    );
  });
});
