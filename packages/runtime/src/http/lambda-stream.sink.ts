import { setCookies, singleValueHeaders } from './http-result.js';
import type { LambdaHttpRequest } from './lambda-http.request.js';
import type {
  LambdaHttpResponse,
  ResponseSink,
} from './lambda-http.response.js';
import type {
  AwsLambdaGlobal,
  HttpResponsePrelude,
  LambdaResponseStream,
} from './response-streaming.js';

// Hop-by-hop headers (Nest's SSE stream sets `connection: keep-alive`): they describe the
// connection to the function URL, which Lambda owns, not the response.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);

/** What a function URL answers when the invocation failed before any of the response was sent. */
const FAILED: HttpResponsePrelude = {
  statusCode: 500,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  cookies: [],
};
const FAILED_BODY = '{"statusCode":500,"message":"Internal server error"}';

/**
 * Writes a response to Lambda's response stream as the application writes it: the prelude
 * (status, headers, cookies) through `awslambda.HttpResponseStream.from` once the head is final,
 * then each chunk of the body. HEAD requests and 204/304 answers send the head only.
 */
export class LambdaStreamSink implements ResponseSink {
  private opened = false;

  constructor(
    private readonly response: LambdaHttpResponse,
    private readonly request: LambdaHttpRequest,
    private readonly stream: LambdaResponseStream,
    private readonly awslambda: AwsLambdaGlobal,
  ) {}

  /** Whether the prelude has gone out (after that, only the body can follow). */
  get headSent(): boolean {
    return this.opened;
  }

  head(): void {
    if (this.opened || this.stream.destroyed) return;
    this.opened = true;
    const headers = singleValueHeaders(this.response, true);
    for (const name of HOP_BY_HOP) delete headers[name];
    const prelude = {
      statusCode: this.response.statusCode,
      headers,
      cookies: setCookies(this.response),
    };
    // Lambda's runtime writes the prelude before the first write(); an empty one sends it now.
    this.awslambda.HttpResponseStream.from(this.stream, prelude).write('');
  }

  write(chunk: Buffer): void {
    this.head();
    if (chunk.length === 0 || !this.hasBody() || this.stream.destroyed) return;
    this.stream.write(chunk);
  }

  /** Ends the stream; a response that never sent its head (it was destroyed) answers a 500. */
  end(): Promise<void> {
    if (!this.opened && !this.response.writableFinished) return this.fail();
    this.head();
    return endStream(this.stream);
  }

  /** After an error: a 500 if nothing was sent yet, else the stream just ends. */
  fail(): Promise<void> {
    if (this.opened) return endStream(this.stream);
    this.opened = true;
    return failStream(this.stream, this.awslambda);
  }

  private hasBody(): boolean {
    const status = this.response.statusCode;
    return this.request.method !== 'HEAD' && status !== 204 && status !== 304;
  }
}

/** Answers a 500 on a stream that has sent nothing yet, and ends it. */
export function failStream(
  stream: LambdaResponseStream,
  awslambda: AwsLambdaGlobal,
): Promise<void> {
  if (!stream.destroyed) {
    awslambda.HttpResponseStream.from(stream, FAILED).write(FAILED_BODY);
  }
  return endStream(stream);
}

/** Resolves once the stream has flushed, or at once if it is already gone: never waits forever. */
export function endStream(stream: LambdaResponseStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) return resolve();
    stream.on('close', () => resolve());
    stream.on('error', () => resolve());
    stream.end(() => resolve());
  });
}
