// The request every HTTP event factory takes, and the helpers that turn it into event parts. A
// leaf: it imports nothing of ours.

/** Header or query values: a repeated key is an array. */
export type MultiValueMap = Readonly<
  Record<string, string | readonly string[] | undefined>
>;

/** An HTTP request as the event factories (and the dev server) describe it. */
export interface HttpRequestOptions {
  /** Defaults to `GET`. */
  readonly method?: string;
  /** The path, optionally with `?query`; defaults to `/`. */
  readonly path?: string;
  /** Query parameters added to those of `path`; an array repeats the key. */
  readonly query?: MultiValueMap;
  readonly headers?: MultiValueMap;
  /** Cookies by name, or as `name=value` strings. */
  readonly cookies?: Readonly<Record<string, string>> | readonly string[];
  /**
   * A string is sent as is, bytes (`Uint8Array`, `Buffer`) base64-encoded with
   * `isBase64Encoded: true`, anything else as JSON with `content-type: application/json`.
   */
  readonly body?: unknown;
  /** The client address; defaults to `127.0.0.1`. */
  readonly sourceIp?: string;
}

/** A request reduced to what every HTTP event is made of. */
export interface RequestParts {
  readonly method: string;
  readonly path: string;
  /** In request order, decoded. */
  readonly query: readonly (readonly [string, string])[];
  /** Lower-case names, in request order, repeated names kept. */
  readonly headers: readonly (readonly [string, string])[];
  readonly cookies: readonly string[];
  readonly body: string | undefined;
  readonly isBase64Encoded: boolean;
  readonly sourceIp: string;
}

const entries = (map: MultiValueMap | undefined) =>
  Object.entries(map ?? {}).flatMap(([key, value]) =>
    value === undefined
      ? []
      : (typeof value === 'string' ? [value] : value).map(
          (one) => [key, one] as const,
        ),
  );

/** Splits path and query, lower-cases header names, encodes the body and adds its length. */
export function requestParts(options: HttpRequestOptions): RequestParts {
  const [path = '/', search = ''] = (options.path ?? '/').split(/\?(.*)/s);
  const query = [
    ...new URLSearchParams(search).entries(),
    ...entries(options.query),
  ];
  const headers = entries(options.headers).map(
    ([name, value]) => [name.toLowerCase(), value] as const,
  );
  const cookies = Array.isArray(options.cookies)
    ? [...(options.cookies as readonly string[])]
    : Object.entries(options.cookies ?? {}).map(
        ([name, value]) => `${name}=${value}`,
      );
  const { body, isBase64Encoded, contentType } = encodeRequestBody(
    options.body,
  );
  if (contentType && !headers.some(([name]) => name === 'content-type'))
    headers.push(['content-type', contentType]);
  if (
    body !== undefined &&
    !headers.some(([name]) => name === 'content-length')
  )
    headers.push([
      'content-length',
      String(Buffer.byteLength(body, isBase64Encoded ? 'base64' : 'utf8')),
    ]);
  return {
    method: (options.method ?? 'GET').toUpperCase(),
    path: path.startsWith('/') ? path : `/${path}`,
    query,
    headers,
    cookies,
    body,
    isBase64Encoded,
    sourceIp: options.sourceIp ?? '127.0.0.1',
  };
}

function encodeRequestBody(body: unknown): {
  body: string | undefined;
  isBase64Encoded: boolean;
  contentType?: string;
} {
  if (body === undefined || body === null)
    return { body: undefined, isBase64Encoded: false };
  if (typeof body === 'string') return { body, isBase64Encoded: false };
  if (body instanceof Uint8Array)
    return {
      body: Buffer.from(body).toString('base64'),
      isBase64Encoded: true,
      contentType: 'application/octet-stream',
    };
  return {
    body: JSON.stringify(body),
    isBase64Encoded: false,
    contentType: 'application/json',
  };
}

/** `a=1&a=2`, encoded as a browser encodes a query string. */
export const rawQueryString = (query: RequestParts['query']): string =>
  new URLSearchParams(
    query.map(([k, v]): [string, string] => [k, v]),
  ).toString();

/** Repeated keys joined by a comma, as API Gateway v2 and the v1 single-value maps do (v1 keeps the last). */
export function singleValues(
  pairs: readonly (readonly [string, string])[],
  join: 'comma' | 'last',
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of pairs)
    result[key] =
      join === 'comma' && key in result ? `${result[key]},${value}` : value;
  return result;
}

/** Repeated keys as arrays, as the v1 and ALB multi-value maps hold them. */
export function multiValues(
  pairs: readonly (readonly [string, string])[],
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, value] of pairs) (result[key] ??= []).push(value);
  return result;
}

/** `17/Jun/2024:15:52:39 +0000`, the format of API Gateway's request times. */
export function requestTime(date: Date): string {
  const [, day, month, year, time] = date.toUTCString().split(' ');
  return `${day}/${month}/${year}:${time} +0000`;
}

/** A request id shaped like API Gateway's (`ZhNHJhhLjoEEPiw=`). */
export const shortRequestId = (): string =>
  Buffer.from(crypto.getRandomValues(new Uint8Array(10))).toString('base64');
