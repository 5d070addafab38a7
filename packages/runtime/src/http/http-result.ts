import type { LambdaHttpRequest } from './lambda-http.request.js';
import type { LambdaHttpResponse } from './lambda-http.response.js';

// The body of a Lambda HTTP result: bytes go base64-encoded, text as it is.
export function encodeBody(
  response: LambdaHttpResponse,
  request: LambdaHttpRequest,
): { body: string; isBase64Encoded: boolean } {
  const { body, statusCode } = response;
  // As over HTTP: no body for HEAD requests, nor for 204 and 304 responses.
  if (
    body === undefined ||
    request.method === 'HEAD' ||
    statusCode === 204 ||
    statusCode === 304
  ) {
    return { body: '', isBase64Encoded: false };
  }
  return typeof body === 'string'
    ? { body, isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
}

// One value per header; repeated values are joined with `, ` (`set-cookie` left out on request).
export function singleValueHeaders(
  response: LambdaHttpResponse,
  withoutSetCookie = false,
): { [name: string]: string } {
  // fromEntries defines properties, so a header named `__proto__` stays a header.
  return Object.fromEntries(
    Object.entries(response.getHeaders())
      .filter(([name]) => !(withoutSetCookie && name === 'set-cookie'))
      .map(([name, value]) => [name, [value].flat().join(', ')]),
  );
}

// Every header as a list, for REST APIs and ALB target groups with multi-value headers.
export function multiValueHeaders(response: LambdaHttpResponse): {
  [name: string]: string[];
} {
  return Object.fromEntries(
    Object.entries(response.getHeaders()).map(([name, value]) => [
      name,
      [value].flat(),
    ]),
  );
}

// The `set-cookie` values, which payload format 2.0 returns as `cookies`.
export function setCookies(response: LambdaHttpResponse): string[] {
  const value = response.getHeader('set-cookie');
  return value === undefined ? [] : [value].flat();
}
