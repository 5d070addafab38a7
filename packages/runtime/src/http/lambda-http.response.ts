import { ServerResponse } from 'node:http';
import type { Application, Response } from 'express';
import { expressResponse } from './express-parts.js';
import type { LambdaHttpRequest, LambdaSocket } from './lambda-http.request.js';

const CHUNKS = Symbol('lambda.http.chunks');
const DONE = Symbol('lambda.http.done');
const SINK = Symbol('lambda.http.sink');

type Callback = (error?: Error | null) => void;
type Chunk = string | Uint8Array;

/** Where a streaming response sends its head and body as they are written (response streaming). */
export interface ResponseSink {
  /** The head is final (`flushHeaders()`, or the first write). */
  head(): void;
  /** A chunk of the body, after Node accepted the write. */
  write(chunk: Buffer): void;
}

/** Express's response methods, as the response exposes them (`res.cookie()`, `res.redirect()`, ...). */
export type ExpressResponseMethods = Omit<
  Response,
  'app' | 'locals' | 'req' | keyof ServerResponse
>;

// ServerResponse, typed with the Express methods the prototype chain gives it (see below).
const ExpressResponse = ServerResponse as unknown as new (
  request: LambdaHttpRequest,
) => ServerResponse<LambdaHttpRequest> & ExpressResponseMethods;

/**
 * The response controllers, middleware and filters get (`@Res()`,
 * `switchToHttp().getResponse()`): a Node `ServerResponse` with Express's response methods
 * (`status`, `json`, `send`, `cookie`, `clearCookie`, `redirect`, `append`, `sendStatus`,
 * `locals`, ...), written to no socket. It emits `finish` and `close` as over HTTP, and the trigger
 * turns what was written into the Lambda result once it has finished.
 *
 * @example
 * ```ts
 * catch(error: PaymentRequired, host: ArgumentsHost) {
 *   host.switchToHttp().getResponse<LambdaHttpResponse>().status(402).json({ reason: error.message });
 * }
 * ```
 */
export class LambdaHttpResponse extends ExpressResponse {
  declare app: Application;
  locals: { [name: string]: unknown } = Object.create(null) as {};
  private readonly [CHUNKS]: Buffer[] = [];
  private [DONE]: Promise<void> | undefined;
  private [SINK]: ResponseSink | undefined;

  constructor(request: LambdaHttpRequest, socket: LambdaSocket) {
    super(request);
    this.app = request.app;
    (request as { res: unknown }).res = this;
    // With a header object present, `writeHead(status, headers)` stores its headers where
    // `getHeaders()` reads them (Node's fast path would only format them into the raw head).
    this.setHeader('x-lambda', '');
    this.removeHeader('x-lambda');
    this.assignSocket(socket as never);
  }

  /** The body as written so far (after any encoding middleware, e.g. compression). */
  get body(): Buffer {
    const chunks = this[CHUNKS];
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  }

  /** Whether the body goes out as it is written (response streaming) instead of at the end. */
  get streaming(): boolean {
    return this[SINK] !== undefined;
  }

  /** Sends the head and each chunk to `sink` as they are written, instead of keeping them. */
  streamTo(sink: ResponseSink): void {
    this[SINK] = sink;
  }

  override write(
    chunk: Chunk,
    encoding?: BufferEncoding | Callback,
    callback?: Callback,
  ): boolean {
    const sink = this[SINK];
    if (sink === undefined) {
      if (!this.writableEnded) this.capture(chunk, encoding);
      return super.write(chunk, encoding as BufferEncoding, callback);
    }
    // Streaming: Node checks the head and the chunk first, so nothing invalid is sent.
    const open = !this.writableEnded;
    const accepted = super.write(chunk, encoding as BufferEncoding, callback);
    if (open) forward(sink, chunk, encoding);
    return accepted;
  }

  override end(
    chunk?: Chunk | Callback,
    encoding?: BufferEncoding | Callback,
    callback?: Callback,
  ): this {
    const sink = this[SINK];
    const open = !this.writableEnded;
    const hasChunk =
      chunk !== undefined && chunk !== null && typeof chunk !== 'function';
    if (sink === undefined && open && hasChunk) this.capture(chunk, encoding);
    super.end(chunk as Chunk, encoding as BufferEncoding, callback);
    if (sink !== undefined && open) {
      if (hasChunk) forward(sink, chunk, encoding);
      else sink.head();
    }
    return this;
  }

  override flushHeaders(): void {
    super.flushHeaders();
    this[SINK]?.head();
  }

  /** Resolves once the response has finished (or was destroyed before it could). */
  done(): Promise<void> {
    return (this[DONE] ??= new Promise<void>((resolve) => {
      if (this.writableFinished || this.destroyed) return resolve();
      this.once('finish', resolve);
      this.once('close', resolve);
    }));
  }

  private capture(chunk: Chunk, encoding: unknown): void {
    const bytes = toBuffer(chunk, encoding);
    if (bytes) this[CHUNKS].push(bytes);
  }
}

function forward(sink: ResponseSink, chunk: Chunk, encoding: unknown): void {
  const bytes = toBuffer(chunk, encoding);
  if (bytes) sink.write(bytes);
  else sink.head();
}

function toBuffer(chunk: Chunk, encoding: unknown): Buffer | undefined {
  if (typeof chunk === 'string') {
    return Buffer.from(
      chunk,
      typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
    );
  }
  if (chunk instanceof Uint8Array) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  return undefined;
}

// Express's response methods sit between this class and ServerResponse, as they do on the
// responses an Express application writes.
Object.setPrototypeOf(LambdaHttpResponse.prototype, expressResponse);
