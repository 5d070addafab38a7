import type { LambdaHttpRequest } from './lambda-http.request.js';
import type { LambdaHttpResponse } from './lambda-http.response.js';

// Headers that describe a body; a 204 or 304 has none, so they go (Express's `send()` drops them
// too, but `writeHead()` and `json()` after `status(204)` in a filter would keep them).
const BODY_HEADERS = new Set([
  'content-type',
  'content-length',
  'transfer-encoding',
]);

function hasNoBody(response: LambdaHttpResponse): boolean {
  return response.statusCode === 204 || response.statusCode === 304;
}

/**
 * The body of a Lambda HTTP result: text as it is, anything else (and anything content-encoded,
 * e.g. by compression) base64-encoded.
 */
export function encodeBody(
  response: LambdaHttpResponse,
  request: LambdaHttpRequest,
): { body: string; isBase64Encoded: boolean } {
  // As over HTTP: no body for HEAD requests, nor for 204 and 304 responses.
  if (request.method === 'HEAD' || hasNoBody(response)) {
    return { body: '', isBase64Encoded: false };
  }
  const body = response.body;
  if (body.length === 0) return { body: '', isBase64Encoded: false };
  return isText(response)
    ? { body: body.toString('utf8'), isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
}

const TEXT_TYPE =
  /^(?:text\/|application\/(?:json|javascript|xml|x-www-form-urlencoded|[^;]*\+(?:json|xml)))/i;

function isText(response: LambdaHttpResponse): boolean {
  if (response.hasHeader('content-encoding')) return false;
  const type = response.getHeader('content-type');
  return typeof type === 'string' && TEXT_TYPE.test(type);
}

// Each header with its values as a list, names lower case, without the body headers of a 204/304.
function headerEntries(
  response: LambdaHttpResponse,
): Array<[string, string[]]> {
  const noBody = hasNoBody(response);
  const entries: Array<[string, string[]]> = [];
  const headers = response.getHeaders();
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined || (noBody && BODY_HEADERS.has(name))) continue;
    entries.push([
      name,
      Array.isArray(value) ? value.map(String) : [String(value)],
    ]);
  }
  return entries;
}

/**
 * One value per header; repeated values are joined with `, `, except `set-cookie`, which is left
 * out (`withoutSetCookie`, payload 2.0 returns it as `cookies`) or sent once per cookie under names
 * that differ only in case (`set-cookie`, `Set-cookie`, ...): API Gateway and ALB pass each one on,
 * and HTTP header names are case-insensitive, so the client receives every cookie. Joining them
 * with `, ` would make one broken cookie of them.
 */
export function singleValueHeaders(
  response: LambdaHttpResponse,
  withoutSetCookie = false,
): { [name: string]: string } {
  const result: { [name: string]: string } = {};
  for (const [name, values] of headerEntries(response)) {
    if (name === 'set-cookie') {
      if (withoutSetCookie) continue;
      values.forEach((value, index) => {
        result[caseVariant(name, index)] = value;
      });
    } else {
      const value = values.join(', ');
      // defineProperty, so that a header named `__proto__` stays a header.
      if (name === '__proto__') {
        Object.defineProperty(result, name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        result[name] = value;
      }
    }
  }
  return result;
}

/**
 * The `index`th spelling of a header name: its letters upper-cased where `index` has a bit set.
 */
export function caseVariant(name: string, index: number): string {
  let variant = '';
  let bit = 0;
  for (const character of name) {
    const isLetter = character.toLowerCase() !== character.toUpperCase();
    variant +=
      isLetter && (index >> bit++) & 1 ? character.toUpperCase() : character;
  }
  return variant;
}

/** Every header as a list, for REST APIs and ALB target groups with multi-value headers. */
export function multiValueHeaders(response: LambdaHttpResponse): {
  [name: string]: string[];
} {
  return Object.fromEntries(headerEntries(response));
}

/** The `set-cookie` values, which payload format 2.0 returns as `cookies`. */
export function setCookies(response: LambdaHttpResponse): string[] {
  const value = response.getHeader('set-cookie');
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [String(value)];
}
