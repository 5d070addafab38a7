import { HttpException } from '@nestjs/common';
import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
} from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/http/body-parser.js';
import { LambdaHttpAdapter } from '../../src/http/lambda-http.adapter.js';
import type { LambdaHttpRequest } from '../../src/http/lambda-http.request.js';
import { InvocationContext } from '../../src/invocation-context.js';
import { albTrigger } from '../../src/triggers/alb.trigger.js';
import { httpApiTrigger } from '../../src/triggers/http-api.trigger.js';
import { restApiTrigger } from '../../src/triggers/rest-api.trigger.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';

const RUNS = { numRuns: 10_000 };
const invocation = (event: unknown) =>
  new InvocationContext().begin('http-api', event, lambdaContext());

// Any UTF-16 code unit, lone surrogates included: what a hostile client can put in a string.
const text = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
});
const wellFormed = fc.string({ unit: 'binary' });
const headerName = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/);
const headers = fc.uniqueArray(fc.tuple(headerName, wellFormed), {
  selector: ([name]) => name.toLowerCase(),
  maxLength: 8,
});
const query = fc.uniqueArray(
  fc.tuple(
    wellFormed.filter(Boolean),
    fc.array(wellFormed, { minLength: 1, maxLength: 3 }),
  ),
  {
    selector: ([name]) => name,
    maxLength: 6,
  },
);
const segments = fc.array(
  wellFormed.filter((segment) => segment !== '.' && segment !== '..'),
  { maxLength: 5 },
);
const body = fc.oneof(
  fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue() }),
  fc.record({
    kind: fc.constant('bytes' as const),
    value: fc.uint8Array({ maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant('text' as const), value: wellFormed }),
  fc.record({ kind: fc.constant('garbage-json' as const), value: text }),
);
type Body = typeof body extends fc.Arbitrary<infer B> ? B : never;

const encode = (value: string) => encodeURIComponent(value);
const expectedQuery = (entries: Array<[string, string[]]>) =>
  Object.fromEntries(
    entries.map(([name, values]) => [
      name,
      values.length === 1 ? values[0] : values,
    ]),
  );

function withBody(
  target: { body?: string | null; isBase64Encoded?: boolean },
  spec: Body,
): string {
  if (spec.kind === 'bytes') {
    target.body = Buffer.from(spec.value).toString('base64');
    target.isBase64Encoded = true;
    return 'application/octet-stream';
  }
  target.isBase64Encoded = false;
  if (spec.kind === 'json') {
    target.body = JSON.stringify(spec.value);
    return 'application/json';
  }
  target.body = spec.value;
  return spec.kind === 'text'
    ? 'text/plain; charset=utf-8'
    : 'application/json';
}

/** Parses the body; only an HttpException may escape, and only for a body that is not a JSON object or array. */
function parsedBody(
  request: LambdaHttpRequest,
  spec: Body,
): { ok: true } | { ok: false } {
  try {
    parseBody(request);
    return { ok: true };
  } catch (error) {
    expect(error).toBeInstanceOf(HttpException);
    // As body-parser in strict mode: JSON that is not an object or an array is refused too.
    const isStrictViolation =
      spec.kind === 'json' &&
      (spec.value === null || typeof spec.value !== 'object');
    expect(spec.kind === 'garbage-json' || isStrictViolation).toBe(true);
    return { ok: false };
  }
}

function checkBody(request: LambdaHttpRequest, spec: Body): void {
  if (!parsedBody(request, spec).ok) return;
  if (spec.kind === 'json') {
    // What JSON can carry: -0 travels as 0.
    expect(request.body).toEqual(JSON.parse(JSON.stringify(spec.value)));
  }
  if (spec.kind === 'bytes') {
    expect(request.rawBody ?? Buffer.alloc(0)).toEqual(Buffer.from(spec.value));
    if (spec.value.length > 0)
      expect(request.body).toEqual(Buffer.from(spec.value));
  }
  if (spec.kind === 'text')
    expect(request.body).toBe(spec.value === '' ? undefined : spec.value);
}

const adapter = new LambdaHttpAdapter();

// 10,000 runs each build real Node messages: on a shared 2-core machine that can pass 30 s.
describe('request decoding (fuzz)', { timeout: 180_000 }, () => {
  it('HTTP API: never throws but HttpExceptions, and gives back headers, query, path and body', () => {
    fc.assert(
      fc.property(
        headers,
        query,
        segments,
        body,
        (headerEntries, queryEntries, pathSegments, spec) => {
          const event = fixture<APIGatewayProxyEventV2>('apigw-http-no-auth');
          event.headers = Object.fromEntries(headerEntries);
          event.headers['content-type'] = withBody(event, spec);
          event.rawPath = `/${pathSegments.map(encode).join('/')}`;
          event.rawQueryString = queryEntries
            .flatMap(([name, values]) =>
              values.map((value) => `${encode(name)}=${encode(value)}`),
            )
            .join('&');

          const { request } = adapter.createExchange(
            httpApiTrigger.toRequest(event, invocation(event)),
          );

          for (const [name, value] of headerEntries) {
            if (name.toLowerCase() !== 'content-type')
              expect(request.headers[name.toLowerCase()]).toBe(value);
          }
          expect(request.query).toEqual(expectedQuery(queryEntries));
          expect(request.path).toBe(event.rawPath);
          expect(request.url).toBe(
            event.rawQueryString
              ? `${event.rawPath}?${event.rawQueryString}`
              : event.rawPath,
          );
          expect(
            request.path.split('/').slice(1).map(decodeURIComponent),
          ).toEqual(pathSegments.length ? pathSegments : ['']);
          checkBody(request, spec);
        },
      ),
      RUNS,
    );
  });

  it('HTTP API paths delivered decoded become valid encoded paths', () => {
    fc.assert(
      fc.property(text, (path) => {
        const event = fixture<APIGatewayProxyEventV2>(
          'apigw-http-no-auth',
          (e) => {
            e.rawPath = path;
          },
        );
        const { request } = adapter.createExchange(
          httpApiTrigger.toRequest(event, invocation(event)),
        );
        expect(request.path).toMatch(
          /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/,
        );
        expect(() => decodeURIComponent(request.path)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('REST API: multi-value query parameters and headers round-trip', () => {
    fc.assert(
      fc.property(headers, query, body, (headerEntries, queryEntries, spec) => {
        const event = fixture<APIGatewayProxyEvent>('apigw-rest-no-auth');
        event.multiValueHeaders = Object.fromEntries(
          headerEntries.map(([name, value]) => [name, [value]]),
        );
        event.multiValueHeaders['Content-Type'] = [withBody(event, spec)];
        event.multiValueQueryStringParameters =
          Object.fromEntries(queryEntries);

        const { request } = adapter.createExchange(
          restApiTrigger.toRequest(event, invocation(event)),
        );

        for (const [name, value] of headerEntries) {
          if (name.toLowerCase() !== 'content-type')
            expect(request.headers[name.toLowerCase()]).toBe(value);
        }
        expect(request.query).toEqual(expectedQuery(queryEntries));
        // The query string it rebuilt parses back to the same parameters.
        const rebuilt = new URLSearchParams(request.url.split('?')[1] ?? '');
        for (const [name, values] of queryEntries)
          expect(rebuilt.getAll(name)).toEqual(values);
        checkBody(request, spec);
      }),
      RUNS,
    );
  });

  it('ALB: URL-encoded query parameters are decoded', () => {
    fc.assert(
      fc.property(query, (queryEntries) => {
        const event = fixture<ALBEvent>('alb-base', (e) => {
          e.multiValueQueryStringParameters = Object.fromEntries(
            queryEntries.map(([name, values]) => [
              encode(name),
              values.map(encode),
            ]),
          );
          delete e.queryStringParameters;
        });
        expect(albTrigger.toRequest(event, invocation(event)).query).toEqual(
          expectedQuery(queryEntries),
        );
      }),
      RUNS,
    );
  });

  it('responses round-trip: status, headers and text or binary bodies', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 200, max: 599 })
          .filter((status) => status !== 204 && status !== 304),
        // Node's setHeader() rejects control characters and code points above U+00FF.
        fc.uniqueArray(
          fc.tuple(
            headerName,
            wellFormed.filter((value) =>
              /^[\t\x20-\x7e\x80-\xff]*$/.test(value),
            ),
          ),
          { selector: ([name]) => name.toLowerCase(), maxLength: 8 },
        ),
        fc.oneof(
          wellFormed,
          fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
        ),
        (status, headerEntries, sent) => {
          const event = fixture<APIGatewayProxyEventV2>('apigw-http-no-auth');
          const { request, response } = adapter.createExchange(
            httpApiTrigger.toRequest(event, invocation(event)),
          );
          response.status(status);
          for (const [name, value] of headerEntries)
            response.setHeader(name, value);
          response.end(sent);
          const result = httpApiTrigger.toResult(response, request);
          expect(result.statusCode).toBe(status);
          const received = result.isBase64Encoded
            ? Buffer.from(result.body!, 'base64')
            : result.body;
          expect(Buffer.from(received!)).toEqual(Buffer.from(sent));
          for (const [name, value] of headerEntries) {
            const key = name.toLowerCase();
            if (key === 'set-cookie') expect(result.cookies).toEqual([value]);
            else expect(result.headers![key]).toBe(value);
          }
        },
      ),
      RUNS,
    );
  });
});
