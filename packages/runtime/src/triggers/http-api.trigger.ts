import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { normalizeHeaders, parseQuery } from '../http/http-event-parts.js';
import {
  encodeBody,
  setCookies,
  singleValueHeaders,
} from '../http/http-result.js';
import type {
  HttpRequestParts,
  LambdaHttpRequest,
} from '../http/lambda-http.request.js';
import type { LambdaHttpResponse } from '../http/lambda-http.response.js';
import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';
import type { HttpTriggerDefinition } from './trigger.types.js';

/**
 * API Gateway HTTP API, payload format 2.0 (also what function URLs send). Headers arrive lower
 * case; cookies come in their own list and are folded back into a `cookie` header; the path of a
 * named stage starts with the stage, which is removed so routes stay stage-independent.
 */
export const httpApiTrigger: HttpTriggerDefinition<
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2
> = {
  kind: 'http',
  toRequest: (event, invocation) => requestFromV2(event, invocation),
  toResult: (response, request) => resultFromV2(response, request),
};

/** A response as an HTTP API payload v2 result (function URLs answer the same shape). */
export function resultFromV2(
  response: LambdaHttpResponse,
  request: LambdaHttpRequest,
): APIGatewayProxyStructuredResultV2 {
  const cookies = setCookies(response);
  return {
    statusCode: response.statusCode,
    headers: singleValueHeaders(response, true),
    ...(cookies.length > 0 && { cookies }),
    ...encodeBody(response, request),
  };
}

/** The request parts of an HTTP API payload v2 event (function URLs send the same shape). */
export function requestFromV2(
  event: APIGatewayProxyEventV2,
  invocation: LambdaInvocation,
): HttpRequestParts {
  const headers = normalizeHeaders(event.headers, undefined);
  if (event.cookies?.length) headers.cookie = event.cookies.join('; ');
  const http = event.requestContext?.http;
  return {
    method: http?.method ?? 'GET',
    path: withoutStage(
      event.rawPath ?? http?.path ?? '/',
      event.requestContext?.stage,
    ),
    rawQuery: event.rawQueryString ?? '',
    query: parseQuery(event.rawQueryString ?? ''),
    headers,
    body: event.body,
    isBase64Encoded: event.isBase64Encoded,
    ip: http?.sourceIp,
    lambda: invocation,
  };
}

function withoutStage(path: string, stage: string | undefined): string {
  if (!stage || stage === '$default') return path;
  const prefix = `/${stage}`;
  return path === prefix
    ? '/'
    : path.startsWith(`${prefix}/`)
      ? path.slice(prefix.length)
      : path;
}
