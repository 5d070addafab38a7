import { STATUS_CODES } from 'node:http';
import type { ALBEvent, ALBResult } from 'aws-lambda';
import { firstValue } from '../http/first-value.js';
import { encodedQuery, normalizeHeaders } from '../http/http-event-parts.js';
import {
  encodeBody,
  multiValueHeaders,
  singleValueHeaders,
} from '../http/http-result.js';
import type { HttpTriggerDefinition } from './trigger.types.js';

/**
 * Application Load Balancer targets. Query parameters arrive still URL-encoded and are decoded
 * here; the client address is the first `x-forwarded-for` entry. Target groups with multi-value
 * headers enabled send `multiValueHeaders` and must get them back; the others must not.
 */
export const albTrigger: HttpTriggerDefinition<ALBEvent, ALBResult> = {
  kind: 'http',
  toRequest: (event, invocation) => {
    const { query, rawQuery } = encodedQuery(
      event.queryStringParameters,
      event.multiValueQueryStringParameters,
    );
    const headers = normalizeHeaders(event.headers, event.multiValueHeaders);
    return {
      method: event.httpMethod ?? 'GET',
      path: event.path ?? '/',
      rawQuery,
      query,
      headers,
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
      ip: firstValue(headers['x-forwarded-for'])?.split(',')[0]?.trim(),
      lambda: invocation,
    };
  },
  toResult: (response, request) => {
    const event = request.event as ALBEvent;
    return {
      statusCode: response.statusCode,
      statusDescription:
        `${response.statusCode} ${STATUS_CODES[response.statusCode] ?? ''}`.trim(),
      ...(event.multiValueHeaders
        ? { multiValueHeaders: multiValueHeaders(response) }
        : { headers: singleValueHeaders(response) }),
      ...encodeBody(response, request),
    };
  },
};
