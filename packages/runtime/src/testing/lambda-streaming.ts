// A stand-in for what Lambda's Node.js runtime gives a streaming handler, outside Lambda. It follows
// aws/aws-lambda-nodejs-runtime-interface-client: `streamifyResponse` as in src/UserFunction.js
// (it only marks the handler), `HttpResponseStream.from` as in src/HttpResponseStream.js (the
// content type, then the JSON prelude and 8 null bytes before the first write()), and the response
// stream as in src/ResponseStream.js (a chunked HTTP request whose write() runs that hook first;
// end() does not). Here the request goes to a local HTTP server instead of the Runtime API.
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import type {
  AwsLambdaGlobal,
  HttpResponsePrelude,
  LambdaResponseStream,
} from '../http/response-streaming.js';
import { lambdaContext } from './lambda-context.factory.js';

const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
const PRELUDE_CONTENT_TYPE =
  'application/vnd.awslambda.http-integration-response';
const DELIMITER = Buffer.alloc(8);

type BeforeFirstWrite = (write: (chunk: string | Uint8Array) => void) => void;
type HookedStream = LambdaResponseStream & {
  _onBeforeFirstWrite?: BeforeFirstWrite;
};

/** What Lambda's runtime defines as the global `awslambda`, as it defines it. */
export const awsLambdaGlobal: AwsLambdaGlobal = {
  streamifyResponse: (handler) => {
    (handler as unknown as { [STREAMING]: string })[STREAMING] = 'response';
    return handler;
  },
  HttpResponseStream: {
    from(stream: HookedStream, prelude: HttpResponsePrelude) {
      stream.setContentType(PRELUDE_CONTENT_TYPE);
      const json = JSON.stringify(prelude);
      stream._onBeforeFirstWrite = (write) => {
        write(json);
        write(new Uint8Array(DELIMITER.length));
      };
      return stream;
    },
  },
};

/**
 * Defines `globalThis.awslambda` (as Lambda's runtime does before it loads the handler), for a
 * process that imports a streaming entry outside Lambda. Returns how to remove it again.
 */
export function installAwsLambdaGlobal(): () => void {
  const scope = globalThis as { awslambda?: unknown };
  const previous = scope.awslambda;
  scope.awslambda = awsLambdaGlobal;
  return () => {
    scope.awslambda = previous;
  };
}

/** Whether `handler` was marked by `awslambda.streamifyResponse`. */
export function isStreamingHandler(handler: unknown): boolean {
  return (
    typeof handler === 'function' &&
    (handler as { [STREAMING]?: unknown })[STREAMING] === 'response'
  );
}

/** The response stream of one invocation: a chunked POST to `url`, as the runtime's is. */
export function createResponseStream(url: string): LambdaResponseStream {
  let started = false;
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      'Lambda-Runtime-Function-Response-Mode': 'streaming',
      'Content-Type': 'application/octet-stream',
      'Transfer-Encoding': 'chunked',
    },
  });
  const hooked = request as typeof request & HookedStream;
  // The runtime sends no error to a handler whose stream failed; it only sees `error`/`close`.
  request.on('error', () => undefined);
  const write = request.write.bind(request) as (chunk: unknown) => boolean;
  const stream = {
    write(
      chunk: string | Uint8Array,
      callback?: (error?: Error | null) => void,
    ) {
      if (!started && typeof stream._onBeforeFirstWrite === 'function') {
        stream._onBeforeFirstWrite((part) => write(part));
      }
      started = true;
      return callback ? request.write(chunk, callback) : write(chunk);
    },
    end: (callback?: () => void) => request.end(callback),
    destroy: (error?: Error) => request.destroy(error),
    on: (event: 'close' | 'error', listener: (error?: Error) => void) =>
      request.on(event, listener),
    setContentType(contentType: string) {
      if (started) throw new Error('Cannot set content-type, too late.');
      request.setHeader('Content-Type', contentType);
    },
    _onBeforeFirstWrite: undefined as BeforeFirstWrite | undefined,
    get writableEnded() {
      return hooked.writableEnded;
    },
    get destroyed() {
      return hooked.destroyed;
    },
  };
  return stream;
}

/** A streamed answer as the function URL reads it. */
export interface StreamedResponse extends HttpResponsePrelude {
  /** The body after the prelude, as received. */
  readonly body: Buffer;
  /** Each piece of the body as it arrived, with the milliseconds since the invocation began. */
  readonly arrivals: ReadonlyArray<{
    readonly ms: number;
    readonly bytes: Buffer;
  }>;
  /** The content type of the stream (Lambda's prelude type when the prelude was written). */
  readonly contentType: string | undefined;
}

/** Splits a streamed body into the prelude and the body that follows its 8 null bytes. */
export function decodeResponseStream(received: Buffer): {
  prelude: HttpResponsePrelude;
  body: Buffer;
} {
  const end = received.indexOf(DELIMITER);
  if (end === -1)
    throw new Error('No prelude delimiter in the response stream');
  return {
    prelude: JSON.parse(
      received.subarray(0, end).toString('utf8'),
    ) as HttpResponsePrelude,
    body: received.subarray(end + DELIMITER.length),
  };
}

/**
 * Invokes a streaming entry as Lambda would, with its response stream sent over HTTP to a local
 * server, and resolves with what a function URL would answer. `onData` hears each piece of the
 * stream as it arrives; returning `false` from it closes the connection (the client goes away).
 */
export async function invokeStreaming(
  handler: (
    event: never,
    stream: LambdaResponseStream,
    context: Context,
  ) => Promise<void>,
  event: unknown,
  options: {
    context?: Context;
    onData?: (received: Buffer) => boolean | void;
  } = {},
): Promise<StreamedResponse> {
  const started = performance.now();
  const arrivals: Array<{ ms: number; bytes: Buffer }> = [];
  let contentType: string | undefined;
  const server = createServer();
  const received = new Promise<void>((resolve) => {
    server.once('request', (request: IncomingMessage, response) => {
      contentType = request.headers['content-type'];
      request.on('data', (bytes: Buffer) => {
        arrivals.push({ ms: performance.now() - started, bytes });
        if (
          options.onData?.(Buffer.concat(arrivals.map((a) => a.bytes))) ===
          false
        ) {
          request.socket.destroy();
          resolve();
        }
      });
      request.on('end', () => {
        response.end();
        resolve();
      });
      request.on('close', resolve);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const stream = createResponseStream(`http://127.0.0.1:${port}/response`);
    await handler(
      event as never,
      stream,
      options.context ?? lambdaContext('streaming'),
    );
    await received;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  const all = Buffer.concat(arrivals.map((arrival) => arrival.bytes));
  const { prelude, body } =
    contentType === PRELUDE_CONTENT_TYPE
      ? decodeResponseStream(all)
      : { prelude: { statusCode: 200, headers: {}, cookies: [] }, body: all };
  return { ...prelude, body, arrivals, contentType };
}
