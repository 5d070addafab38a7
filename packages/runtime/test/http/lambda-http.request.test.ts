import { describe, expect, it } from 'vitest';
import {
  decodedQuery,
  encodedQuery,
  normalizeHeaders,
  parseQuery,
} from '../../src/http/http-event-parts.js';
import { encodePath } from '../../src/http/lambda-http.request.js';

describe('request decoding', () => {
  it('leaves encoded paths as they are and escapes decoded ones', () => {
    expect(encodePath('/orders/a%20b/%E2%82%AC')).toBe(
      '/orders/a%20b/%E2%82%AC',
    );
    expect(encodePath('/orders/a b/€')).toBe('/orders/a%20b/%E2%82%AC');
    expect(encodePath('/100%/what?#')).toBe('/100%25/what%3F%23');
    expect(encodePath('no-slash')).toBe('/no-slash');
    expect(encodePath('/\uD800')).toBe('/%EF%BF%BD');
  });

  it('lower-cases headers and folds repeated ones as Node.js does', () => {
    expect(
      normalizeHeaders(
        { Accept: 'text/html' },
        {
          Accept: ['text/html'],
          Cookie: ['a=1', 'b=2'],
          'Set-Cookie': ['x', 'y'],
          'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'],
        },
      ),
    ).toEqual({
      accept: 'text/html',
      cookie: 'a=1; b=2',
      'set-cookie': ['x', 'y'],
      'x-forwarded-for': '1.1.1.1, 2.2.2.2',
    });
    expect(
      normalizeHeaders({ 'Content-Type': 'a/b', Skip: undefined }, null),
    ).toEqual({ 'content-type': 'a/b' });
  });

  it('rebuilds the query string of decoded parameters', () => {
    expect(
      decodedQuery({ q: 'a b' }, { q: ['a b'], tag: ['x', 'y&z'] }),
    ).toEqual({
      query: { q: 'a b', tag: ['x', 'y&z'] },
      rawQuery: 'q=a%20b&tag=x&tag=y%26z',
    });
    expect(decodedQuery(null, null)).toEqual({ query: {}, rawQuery: '' });
  });

  it('decodes parameters ALB leaves encoded, keeping invalid escapes', () => {
    expect(
      encodedQuery({ name: 'J%C3%BCrgen+M', bad: '%ZZ' }, undefined),
    ).toEqual({
      query: { name: 'Jürgen M', bad: '%ZZ' },
      rawQuery: 'name=J%C3%BCrgen+M&bad=%ZZ',
    });
  });

  it('parses queries and headers into objects without a prototype, as Node.js and Express do', () => {
    const query = parseQuery('a=1&a=2&__proto__=x');
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(Object.entries(query)).toEqual([
      ['a', ['1', '2']],
      ['__proto__', 'x'],
    ]);
    const headers = normalizeHeaders({ __proto__: 'x' } as never, null);
    expect(Object.getPrototypeOf(headers)).toBeNull();
    const fromMulti = normalizeHeaders(
      null,
      JSON.parse('{"__proto__":["y"]}') as never,
    );
    expect(Object.entries(fromMulti)).toEqual([['__proto__', 'y']]);
  });
});
