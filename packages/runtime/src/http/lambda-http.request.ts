import { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import type { Context } from 'aws-lambda';
import type { Application, Request } from 'express';
import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';
import { expressRequest } from './express-parts.js';
import { firstValue } from './first-value.js';

/** Request headers by lower-case name, as Node keeps them. */
export type HttpHeaders = { [name: string]: string | string[] | undefined };
/** Query parameters by name; a repeated key has every value, in order. */
export type HttpQuery = { [name: string]: string | string[] | undefined };

/** What each HTTP trigger extracts from its event. */
export interface HttpRequestParts {
  readonly method: string;
  // The path as the event gives it: percent-encoded or not, depending on the source.
  readonly path: string;
  // Percent-encoded query string without `?`.
  readonly rawQuery: string;
  readonly query: HttpQuery;
  readonly headers: HttpHeaders;
  readonly body: string | null | undefined;
  readonly isBase64Encoded: boolean | undefined;
  readonly ip: string | undefined;
  readonly lambda: LambdaInvocation;
}

const SOURCE = Symbol('lambda.http.body');
const UNREAD = Symbol('lambda.http.unread');

/**
 * Stands in for the TCP socket of both messages: it carries the client address and TLS flag that
 * Express reads (`req.ip`, `req.protocol`, `req.secure`), and swallows what Node's response writes
 * to it, so that the response runs its own state machine (`headersSent`, `finish`, `close`).
 */
export class LambdaSocket extends Writable {
  readonly readable = true;
  remoteAddress: string | undefined;
  encrypted: boolean | undefined;

  override _write(
    _chunk: unknown,
    _encoding: string,
    callback: (error?: Error | null) => void,
  ): void {
    callback();
  }

  setTimeout(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }
}

/** Express's request methods and getters, as the request exposes them (`req.get()`, `req.is()`, ...). */
export type ExpressRequestMethods = Omit<
  Request,
  | 'query'
  | 'params'
  | 'body'
  | 'originalUrl'
  | 'baseUrl'
  | 'path'
  | 'app'
  | 'res'
  | keyof IncomingMessage
>;

// IncomingMessage, typed with the Express methods the prototype chain gives it (see below).
const ExpressRequest = IncomingMessage as unknown as new (
  socket: LambdaSocket,
) => IncomingMessage & ExpressRequestMethods;

/**
 * The request controllers, middleware, guards and filters get (`@Req()`,
 * `switchToHttp().getRequest()`): a Node `IncomingMessage` with Express's request methods
 * (`get`, `is`, `accepts`, `ip`, `ips`, `secure`, `hostname`, ...), built from the Lambda event,
 * plus the raw `event` and Lambda `context`. Its body can be read as a stream, as Node middleware
 * does; `body` holds it already parsed. Header names are lower case.
 *
 * @example
 * ```ts
 * @Get(':id')
 * find(@Req() request: LambdaHttpRequest<APIGatewayProxyEventV2>) {
 *   return request.event.requestContext.requestId;
 * }
 * ```
 */
export class LambdaHttpRequest<TEvent = unknown> extends ExpressRequest {
  /** Upper-case verb. */
  declare method: string;
  /** Path and query string (percent-encoded); middleware may rewrite it, as on Express. */
  declare url: string;
  /** The query as the trigger decoded it (Express's "simple" parser). */
  query: HttpQuery;
  params: { [name: string]: string | string[] | undefined } = {};
  /** Parsed per `content-type`: JSON, URL-encoded forms and `text/*`; other types as a `Buffer`. */
  body: unknown = undefined;
  /** Path and query string as received (percent-encoded), e.g. `/orders/7?expand=items`. */
  originalUrl: string;
  baseUrl = '';
  readonly event: TEvent;
  readonly context: Context;
  /** The invocation this request came with, see `getLambdaInvocation()`. */
  readonly lambda: LambdaInvocation;
  declare app: Application;
  declare res: unknown;
  private [SOURCE]: Buffer | undefined;
  private [UNREAD]: boolean;

  constructor(parts: HttpRequestParts, app: Application, socket: LambdaSocket) {
    super(socket as never);
    const path = encodePath(parts.path || '/');
    const url = parts.rawQuery ? `${path}?${parts.rawQuery}` : path;
    this.method = parts.method.toUpperCase();
    this.url = url;
    this.originalUrl = url;
    this.headers = parts.headers as IncomingMessage['headers'];
    this.query = parts.query;
    this.httpVersionMajor = 1;
    this.httpVersionMinor = 1;
    this.httpVersion = '1.1';
    this.complete = true;
    this.app = app;
    this.event = parts.lambda.event as TEvent;
    this.context = parts.lambda.context;
    this.lambda = parts.lambda;
    this[SOURCE] =
      parts.body === null || parts.body === undefined || parts.body === ''
        ? undefined
        : Buffer.from(parts.body, parts.isBase64Encoded ? 'base64' : 'utf8');
    this[UNREAD] = true;
    socket.remoteAddress = parts.ip;
    socket.encrypted =
      firstValue(parts.headers['x-forwarded-proto']) !== 'http';
  }

  /** The body as received, base64-decoded when API Gateway encoded it. */
  get rawBody(): Buffer | undefined {
    return this[SOURCE];
  }

  /** Percent-encoded path without the query string (and without a named HTTP API stage). */
  get path(): string {
    const { url } = this;
    const end = url.indexOf('?');
    return end === -1 ? url : url.slice(0, end);
  }

  // Node's own `_read` asks the socket for bytes; the whole body is already here.
  override _read(): void {
    if (this[UNREAD]) {
      this[UNREAD] = false;
      if (this[SOURCE]) this.push(this[SOURCE]);
    }
    this.push(null);
  }
}

// Express's request methods and getters (`get`, `is`, `accepts`, `ip`, `protocol`, ...) sit between
// this class and IncomingMessage, as they do on the requests an Express application receives.
Object.setPrototypeOf(LambdaHttpRequest.prototype, expressRequest);

/**
 * HTTP APIs deliver the path decoded, REST APIs, function URLs and ALB still encoded. Escaping only
 * what cannot appear in an encoded path (spaces, `?`, `#`, a `%` that starts no escape, non-ASCII)
 * makes both an encoded path, without double-encoding the second.
 */
export function encodePath(path: string): string {
  const encoded = UNSAFE_IN_PATH.test(path)
    ? path.replace(UNSAFE_IN_PATH_GLOBAL, escape)
    : path;
  return encoded.startsWith('/') ? encoded : `/${encoded}`;
}

const UNSAFE_IN_PATH = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]|%(?![0-9A-Fa-f]{2})/u;
const UNSAFE_IN_PATH_GLOBAL = new RegExp(UNSAFE_IN_PATH.source, 'gu');

function escape(character: string): string {
  try {
    return encodeURIComponent(character);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: U+FFFD, as a browser would send it
  }
}
