import type { Context } from 'aws-lambda';
import { parseCookieHeader } from '@nestjs/core/helpers/cookies/parse-cookie-header.js';
import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';

export type HttpHeaders = { [name: string]: string | string[] | undefined };
export type HttpQuery = { [name: string]: string | string[] | undefined };

/**
 * The request-like object controllers, guards and filters get from `switchToHttp().getRequest()`
 * (and `@Req()`): what Express would give them, built from the Lambda event, plus the raw `event`
 * and Lambda `context`. Header names are lower case.
 *
 * @example
 * ```ts
 * @Get(':id')
 * find(@Req() request: LambdaHttpRequest<APIGatewayProxyEventV2>) {
 *   return request.event.requestContext.requestId;
 * }
 * ```
 */
export interface LambdaHttpRequest<TEvent = unknown> {
  /** Upper-case verb. */
  readonly method: string;
  /** Path and query string as received (percent-encoded), e.g. `/orders/7?expand=items`. */
  url: string;
  readonly originalUrl: string;
  /** Percent-encoded path without the query string (and without a named HTTP API stage). */
  readonly path: string;
  readonly headers: HttpHeaders;
  query: HttpQuery;
  params: { [name: string]: string | string[] | undefined };
  /** Parsed per `content-type`: JSON, URL-encoded forms and `text/*`; other types as a `Buffer`. */
  body: unknown;
  /** The body as received, base64-decoded when API Gateway encoded it. */
  readonly rawBody: Buffer | undefined;
  readonly cookies: { [name: string]: string };
  readonly ip: string | undefined;
  readonly hostname: string | undefined;
  readonly protocol: string;
  readonly event: TEvent;
  readonly context: Context;
  /** The invocation this request came with, see `getLambdaInvocation()`. */
  readonly lambda: LambdaInvocation;
}

// What each HTTP trigger extracts from its event.
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

// The unparsed body of a request, for the body parser.
export function getBodySource(
  request: LambdaHttpRequest,
): string | Buffer | undefined {
  return (request as unknown as { [SOURCE]: string | Buffer | undefined })[
    SOURCE
  ];
}

export function createHttpRequest(parts: HttpRequestParts): LambdaHttpRequest {
  const path = encodePath(parts.path || '/');
  const url = parts.rawQuery ? `${path}?${parts.rawQuery}` : path;
  const source =
    parts.body === null || parts.body === undefined || parts.body === ''
      ? undefined
      : parts.isBase64Encoded
        ? Buffer.from(parts.body, 'base64')
        : parts.body;
  const { headers } = parts;
  let cookies: { [name: string]: string } | undefined;
  return {
    method: parts.method.toUpperCase(),
    url,
    originalUrl: url,
    path,
    headers,
    query: parts.query,
    params: {},
    body: undefined,
    get rawBody() {
      return typeof source === 'string' ? Buffer.from(source) : source;
    },
    get cookies() {
      return (cookies ??= parseCookieHeader(headers.cookie));
    },
    ip: parts.ip,
    hostname: hostnameOf(headers.host),
    protocol: firstValue(headers['x-forwarded-proto']) ?? 'https',
    event: parts.lambda.event,
    context: parts.lambda.context,
    lambda: parts.lambda,
    [SOURCE]: source,
  } as LambdaHttpRequest;
}

// HTTP APIs deliver the path decoded, REST APIs, function URLs and ALB still encoded. Escaping only
// what cannot appear in an encoded path (spaces, `?`, `#`, a `%` that starts no escape, non-ASCII)
// makes both an encoded path, without double-encoding the second.
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

function hostnameOf(host: string | string[] | undefined): string | undefined {
  const value = firstValue(host);
  if (!value) return undefined;
  // An IPv6 literal is bracketed, so its colons are not the port separator.
  const end = value.startsWith('[')
    ? value.indexOf(']') + 1
    : value.indexOf(':');
  return end > 0 ? value.slice(0, end) : value;
}

export function firstValue(
  value: string | string[] | undefined,
): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
