import { parse } from 'node:querystring';
import type { HttpHeaders, HttpQuery } from './lambda-http.request.js';

type SingleValues = { [name: string]: string | undefined } | null | undefined;
type MultiValues = { [name: string]: string[] | undefined } | null | undefined;

/**
 * Lower-cases header names. Multi-value headers win when the event has them, and are folded the
 * way Node.js folds repeated headers: `set-cookie` stays a list, `cookie` is joined with `; `,
 * others with `, `. Like Node.js's, the object has no prototype, so no header name (not even
 * `__proto__`) can change it.
 */
export function normalizeHeaders(
  single: SingleValues,
  multi: MultiValues,
): HttpHeaders {
  const headers: HttpHeaders = Object.create(null) as HttpHeaders;
  if (multi) {
    for (const name of Object.keys(multi)) {
      const values = multi[name];
      if (!values || values.length === 0) continue;
      const key = name.toLowerCase();
      const previous = headers[key];
      const all =
        previous === undefined ? values : [...[previous].flat(), ...values];
      headers[key] =
        key === 'set-cookie' ? all : all.join(key === 'cookie' ? '; ' : ', ');
    }
    return headers;
  }
  if (single) {
    for (const name of Object.keys(single)) {
      const value = single[name];
      if (value !== undefined) headers[name.toLowerCase()] = value;
    }
  }
  return headers;
}

/**
 * The query of an event whose parameters API Gateway already decoded (REST API, payload 1.0).
 */
export function decodedQuery(
  single: SingleValues,
  multi: MultiValues,
): { query: HttpQuery; rawQuery: string } {
  const entries = toEntries(single, multi);
  const query: HttpQuery = Object.create(null) as HttpQuery;
  for (const [name, values] of entries) {
    query[name] = values.length === 1 ? values[0] : values;
  }
  const rawQuery = entries
    .flatMap(([name, values]) =>
      values.map(
        (value) => `${encodeComponent(name)}=${encodeComponent(value)}`,
      ),
    )
    .join('&');
  return { query, rawQuery };
}

/** The query of an event whose parameters are still URL-encoded (ALB). */
export function encodedQuery(
  single: SingleValues,
  multi: MultiValues,
): { query: HttpQuery; rawQuery: string } {
  const rawQuery = toEntries(single, multi)
    .flatMap(([name, values]) => values.map((value) => `${name}=${value}`))
    .join('&');
  return { query: parseQuery(rawQuery), rawQuery };
}

/** Parses a raw query string as Express's default ("simple") query parser does. */
export function parseQuery(rawQuery: string): HttpQuery {
  return rawQuery ? parse(rawQuery) : (Object.create(null) as HttpQuery);
}

function toEntries(
  single: SingleValues,
  multi: MultiValues,
): Array<[string, string[]]> {
  const source = multi ?? single;
  if (!source) return [];
  const entries: Array<[string, string[]]> = [];
  for (const name of Object.keys(source)) {
    const value = source[name];
    if (value === undefined || value === null) continue;
    entries.push([name, Array.isArray(value) ? value : [value]]);
  }
  return entries;
}

// encodeURIComponent throws on a lone surrogate, which a decoded parameter may hold.
function encodeComponent(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
  }
}

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
