import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { decodedQuery, normalizeHeaders } from '../http/http-event-parts.js';
import {
  encodeBody,
  multiValueHeaders,
  singleValueHeaders,
} from '../http/http-result.js';
import type { HttpTriggerDefinition } from './trigger.types.js';

/**
 * API Gateway REST API, payload format 1.0 (also HTTP APIs set to 1.0). Multi-value headers and
 * query parameters win over the single-value ones, which keep only the last value; query values
 * arrive decoded. The result carries `multiValueHeaders` when the request did.
 */
export const restApiTrigger: HttpTriggerDefinition<
  APIGatewayProxyEvent,
  APIGatewayProxyResult
> = {
  kind: 'http',
  toRequest: (event, invocation) => {
    const { query, rawQuery } = decodedQuery(
      event.queryStringParameters,
      event.multiValueQueryStringParameters,
    );
    return {
      method: event.httpMethod ?? 'GET',
      path: event.path ?? '/',
      rawQuery,
      query,
      headers: normalizeHeaders(event.headers, event.multiValueHeaders),
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
      ip: event.requestContext?.identity?.sourceIp ?? undefined,
      lambda: invocation,
    };
  },
  toResult: (response, request) => {
    const event = request.event as APIGatewayProxyEvent;
    return {
      statusCode: response.statusCode,
      ...(event.multiValueHeaders
        ? { multiValueHeaders: multiValueHeaders(response) }
        : { headers: singleValueHeaders(response) }),
      ...encodeBody(response, request),
    };
  },
};
