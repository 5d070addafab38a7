import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  LambdaFunctionURLEvent,
} from 'aws-lambda';
import { fixture } from './events.js';

export interface HttpRequestSpec {
  method?: string;
  /** Path with an optional query string, e.g. `/orders/7?expand=items`. */
  url?: string;
  headers?: { [name: string]: string };
  body?: string | Buffer;
  /** JSON body, sent with `content-type: application/json`. */
  json?: unknown;
}

function split(url = '/'): [string, string] {
  const index = url.indexOf('?');
  return index === -1 ? [url, ''] : [url.slice(0, index), url.slice(index + 1)];
}

function body(spec: HttpRequestSpec): {
  body: string | null;
  isBase64Encoded: boolean;
} {
  if (spec.json !== undefined)
    return { body: JSON.stringify(spec.json), isBase64Encoded: false };
  if (Buffer.isBuffer(spec.body))
    return { body: spec.body.toString('base64'), isBase64Encoded: true };
  return { body: spec.body ?? null, isBase64Encoded: false };
}

function headers(spec: HttpRequestSpec): { [name: string]: string } {
  return {
    ...(spec.json !== undefined && { 'content-type': 'application/json' }),
    ...spec.headers,
  };
}

/** An HTTP API (payload 2.0) event: the real fixture with the request's fields. */
export function httpApiEvent(
  spec: HttpRequestSpec = {},
): APIGatewayProxyEventV2 {
  return fixture<APIGatewayProxyEventV2>('apigw-http-no-auth', (event) => {
    const [path, query] = split(spec.url);
    event.rawPath = path;
    event.rawQueryString = query;
    event.requestContext.http.method = spec.method ?? 'GET';
    event.requestContext.http.path = path;
    event.routeKey = '$default';
    Object.assign(event.headers, headers(spec));
    Object.assign(event, body(spec));
  });
}

/** A function URL event: the real fixture with the request's fields. */
export function functionUrlEvent(
  spec: HttpRequestSpec = {},
): LambdaFunctionURLEvent {
  return fixture<LambdaFunctionURLEvent>('lambda-get-request', (event) => {
    const [path, query] = split(spec.url);
    event.rawPath = path;
    event.rawQueryString = query;
    event.requestContext.http.method = spec.method ?? 'GET';
    Object.assign(event.headers, headers(spec));
    Object.assign(event, body(spec));
  });
}

/** A REST API (payload 1.0) event: the real fixture, with multi-value headers and query. */
export function restApiEvent(
  spec: HttpRequestSpec & { multiQuery?: { [name: string]: string[] } } = {},
): APIGatewayProxyEvent {
  return fixture<APIGatewayProxyEvent>('apigw-rest-no-auth', (event) => {
    const [path] = split(spec.url);
    event.path = path;
    event.httpMethod = spec.method ?? 'GET';
    event.requestContext.httpMethod = event.httpMethod;
    for (const [name, value] of Object.entries(headers(spec))) {
      event.headers[name] = value;
      event.multiValueHeaders[name] = [value];
    }
    if (spec.multiQuery) {
      event.multiValueQueryStringParameters = spec.multiQuery;
      event.queryStringParameters = Object.fromEntries(
        Object.entries(spec.multiQuery).map(([name, values]) => [
          name,
          values.at(-1)!,
        ]),
      );
    }
    Object.assign(event, body(spec));
  });
}

/** An ALB event: the real fixture; its query values stay URL-encoded, as ALB sends them. */
export function albEvent(spec: HttpRequestSpec = {}): ALBEvent {
  return fixture<ALBEvent>('alb-base', (event) => {
    const [path, query] = split(spec.url);
    event.path = path;
    event.httpMethod = spec.method ?? 'GET';
    event.queryStringParameters = Object.fromEntries(
      query
        .split('&')
        .filter(Boolean)
        .map((pair) => [pair.split('=')[0]!, pair.split('=')[1] ?? '']),
    );
    Object.assign(event.headers!, headers(spec));
    Object.assign(event, body(spec));
  });
}
