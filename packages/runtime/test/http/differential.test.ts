import 'reflect-metadata';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type {
  ALBEvent,
  ALBResult,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import {
  configureDifferentialApp,
  DifferentialModule,
} from '../support/differential-app.js';
import { fixture } from '../support/events.js';

// The differential suite: one application, served by @nestjs/platform-express over a real HTTP
// server on 127.0.0.1 and by each HTTP trigger; every case must get the same status, headers,
// cookies and body. The intended differences are listed in the runtime's README.

interface Case {
  method?: string;
  url: string;
  headers?: { [name: string]: string };
  body?: string;
}

interface Answer {
  status: number;
  headers: { [name: string]: string };
  cookies: string[];
  body: string;
}

const json = (value: unknown) => JSON.stringify(value);
const withBody = (
  method: string,
  url: string,
  type: string,
  body: string,
): Case => ({ method, url, headers: { 'content-type': type }, body });

const CASES: Case[] = [
  // routing, params, query strings (repeated keys, encoding, empty values)
  ...[
    '/api/items',
    '/api/items/',
    '/API/ITEMS',
    '/api/items/7',
    '/api/items/abc',
    '/api/items/%31',
    '/api/nothing',
    '/nothing',
    '/',
    '/api',
    '/health',
    '/api/health',
    '/api/echo/params/x/y',
    '/api/echo/params/a%20b/%C3%A9',
    '/api/echo/params/a%2Fb/c',
    '/api/echo/wild/a/b/c',
    '/api/echo/wild/one',
    '/api/echo/query',
    '/api/echo/query?a=1',
    '/api/echo/query?a=1&a=2',
    '/api/echo/query?a=1&a=2&a=3&b=x',
    '/api/echo/query?empty=&flag',
    '/api/echo/query?q=%C3%A9t%C3%A9',
    '/api/echo/query?q=a%20b&r=a%26b',
    '/api/echo/query?list[]=1&list[]=2',
    '/api/echo/query?obj[key]=v',
    '/api/echo/query?x=%3D%3D',
    '/api/items?page=2&sort=name',
    '/api/items?tag=a&tag=b',
  ].map((url): Case => ({ url })),
  // versioning
  { url: '/api/v1/versioned' },
  { url: '/api/v2/versioned' },
  { url: '/api/v1/versioned/both' },
  { url: '/api/v2/versioned/both' },
  { url: '/api/v3/versioned/both' },
  { url: '/api/versioned' },
  // headers in, content negotiation
  { url: '/api/echo/headers', headers: { 'x-custom': 'hello' } },
  { url: '/api/echo/headers', headers: { accept: 'text/html' } },
  { url: '/api/echo/headers', headers: { accept: 'application/json' } },
  { url: '/api/echo/headers', headers: { accept: 'image/png' } },
  { url: '/api/echo/headers', headers: { 'accept-language': 'en-GB,en' } },
  {
    url: '/api/echo/headers',
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  },
  // bodies
  withBody(
    'POST',
    '/api/echo/body',
    'application/json',
    json({ a: 1, b: [true, null] }),
  ),
  withBody(
    'POST',
    '/api/echo/body',
    'application/json; charset=utf-8',
    json('text'),
  ),
  withBody(
    'POST',
    '/api/echo/body',
    'application/vnd.api+json',
    json({ data: {} }),
  ),
  withBody('POST', '/api/echo/body', 'application/json', '{"broken":'),
  withBody(
    'POST',
    '/api/echo/body',
    'application/x-www-form-urlencoded',
    'a=1&a=2&b=%C3%A9',
  ),
  withBody('POST', '/api/echo/body', 'text/plain', 'just text'),
  withBody('PUT', '/api/items/5', 'application/json', json({ name: 'x' })),
  withBody('PUT', '/api/items/5', 'application/json', json([1, 2, 3])),
  // pipes: validation
  withBody(
    'POST',
    '/api/items',
    'application/json',
    json({ name: 'pen', quantity: 2 }),
  ),
  withBody(
    'POST',
    '/api/items',
    'application/json',
    json({ name: 'pen', quantity: 0 }),
  ),
  withBody(
    'POST',
    '/api/items',
    'application/json',
    json({ name: 3, quantity: 'x' }),
  ),
  withBody('POST', '/api/items', 'application/json', json({})),
  // guards, interceptors, filters, serialization
  { url: '/api/items/guarded' },
  { url: '/api/items/guarded', headers: { 'x-token': 'ok' } },
  { url: '/api/items/guarded', headers: { 'x-token': 'no' } },
  { url: '/api/items/wrapped' },
  { url: '/api/items/account' },
  { url: '/api/items/domain' },
  { url: '/api/items/caught' },
  { url: '/api/items/filter-fails' },
  { url: '/api/items/teapot' },
  { url: '/api/items/unknown-error' },
  { method: 'DELETE', url: '/api/items/3' },
  // cookies in and out
  { url: '/api/res/cookies' },
  { url: '/api/echo/cookies' },
  { url: '/api/echo/cookies', headers: { cookie: 'a=1; b=two%20words' } },
  { url: '/api/echo/cookies', headers: { cookie: 'a=1; a=2; c=' } },
  {
    url: '/api/echo/cookies',
    headers: {
      cookie: 'signed=s%3Av.9Z7wuAe9sCxNwMjWbjvEpEHG2AHRXRLHKXBxBWsc0A0',
    },
  },
  { url: '/api/echo/cookies', headers: { cookie: 'signed=s%3Av.forged' } },
  // redirects
  { url: '/api/res/redirect' },
  { url: '/api/res/redirect-dynamic?to=/api/items' },
  { url: '/api/res/redirect-dynamic?to=https%3A%2F%2Fexample.com%2Fx' },
  { url: '/api/res/express-redirect' },
  { url: '/api/res/express-redirect', headers: { accept: 'text/html' } },
  // Express's response helpers, Node's write/end
  { url: '/api/res/append' },
  { url: '/api/res/send-status/200' },
  { url: '/api/res/send-status/404' },
  { url: '/api/res/send-status/418' },
  { url: '/api/res/send-status/503' },
  { url: '/api/res/type' },
  { url: '/api/res/text' },
  { url: '/api/res/number' },
  { url: '/api/res/empty' },
  { url: '/api/res/write' },
  { url: '/api/res/locals' },
  // StreamableFile, compression
  { url: '/api/res/file' },
  { url: '/api/res/large' },
  { url: '/api/res/large', headers: { 'accept-encoding': 'gzip' } },
  { url: '/api/res/large', headers: { 'accept-encoding': 'deflate' } },
  { url: '/api/res/text', headers: { 'accept-encoding': 'gzip' } },
  // conditional requests
  {
    url: '/api/res/text',
    headers: { 'if-none-match': 'W/"5-b/Ff2WXbMnPW8k+wlbVGhnIvtHI"' },
  },
  { url: '/api/res/text', headers: { 'if-none-match': '"other"' } },
  // HEAD and OPTIONS, CORS
  { method: 'HEAD', url: '/api/items' },
  { method: 'HEAD', url: '/api/res/large' },
  { method: 'HEAD', url: '/api/nothing' },
  { method: 'OPTIONS', url: '/api/items' },
  {
    method: 'OPTIONS',
    url: '/api/items',
    headers: {
      origin: 'https://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  },
  { url: '/api/items', headers: { origin: 'https://app.example' } },
  { url: '/api/items', headers: { origin: 'https://evil.example' } },
  // errors in middleware, in filters and while writing
  { url: '/api/items', headers: { 'x-fail': 'middleware' } },
  { url: '/health', headers: { 'x-fail': 'middleware' } },
  { url: '/api/res/serialize-error' },
  // methods without routes
  { method: 'PATCH', url: '/api/items/1' },
  { method: 'POST', url: '/api/items/1' },
];

// The intended differences, each listed in the runtime's README with its reason. A case listed
// here must differ (so the list cannot go stale); the Buffer case is checked in detail.
const hasRepeatedKey = (url: string) => {
  const keys = queryPairs(split(url)[1]).map(([key]) => key);
  return new Set(keys).size < keys.length;
};
const DIFFERENCES: Array<{
  readonly reason: string;
  readonly triggers: RegExp;
  readonly applies: (spec: Case) => boolean;
}> = [
  {
    reason:
      'text/* and +json bodies are parsed (Express leaves req.body undefined)',
    triggers: /./,
    applies: (spec) =>
      /^(text\/|application\/vnd\.api\+json)/.test(
        spec.headers?.['content-type'] ?? '',
      ),
  },
  {
    reason:
      '204 and 304 results carry no content-length (cors() sets 0 on its preflight answer)',
    triggers: /./,
    applies: (spec) => spec.method === 'OPTIONS',
  },
  {
    reason:
      'HTTP APIs decode the path before the function sees it: %2F is a separator',
    triggers: /^HTTP API/,
    applies: (spec) => split(spec.url)[0].includes('%2F'),
  },
  {
    reason:
      'ALB without multi-value headers sends only the last value of a repeated query key',
    triggers: /^ALB, single/,
    applies: (spec) => hasRepeatedKey(spec.url),
  },
];
const differenceFor = (trigger: string, spec: Case) =>
  DIFFERENCES.find(
    (difference) =>
      difference.triggers.test(trigger) && difference.applies(spec),
  );

const INTENDED: { [url: string]: (ours: Answer, reference: Answer) => void } = {
  '/api/res/buffer': (ours, reference) => {
    expect(ours.body).toBe('raw');
    expect(reference.body).toBe(json({ type: 'Buffer', data: [114, 97, 119] }));
  },
};
const INTENDED_CASES: Case[] = [{ url: '/api/res/buffer' }];

// Added by the server or the connection, not by the application.
const TRANSPORT = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-powered-by',
]);

function normalize(
  status: number,
  raw: { [name: string]: string | string[] | undefined },
  body: Buffer,
): Answer {
  const headers: { [name: string]: string } = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const key = name.toLowerCase();
    if (value === undefined || TRANSPORT.has(key)) continue;
    const values = [value].flat();
    if (key === 'set-cookie') cookies.push(...values);
    else
      headers[key] = headers[key]
        ? `${headers[key]}, ${values.join(', ')}`
        : values.join(', ');
  }
  // Several set-cookie headers in a single-value result come in case variants of the name.
  return { status, headers, cookies, body: body.toString('latin1') };
}

function sendOverHttp(port: number, spec: Case): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: spec.method ?? 'GET',
        path: spec.url,
        agent: false,
        headers: {
          'accept-encoding': 'identity',
          ...spec.headers,
          ...(body && { 'content-length': String(body.length) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve(
            normalize(res.statusCode!, res.headers, Buffer.concat(chunks)),
          ),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// The headers a client sent, as the trigger's event carries them: the fixture's own headers from
// the load balancer or API Gateway (host, x-forwarded-*, tracing) stay, the client's are replaced.
function clientHeaders(spec: Case): { [name: string]: string } {
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  return {
    'accept-encoding': 'identity',
    ...spec.headers,
    ...(body && { 'content-length': String(body.length) }),
  };
}

function keepInfrastructure(headers: { [name: string]: string | undefined }) {
  for (const name of Object.keys(headers)) {
    if (!/^(host|x-forwarded-|x-amzn-|cloudfront-|via$)/i.test(name))
      delete headers[name];
  }
}

function split(url: string): [string, string] {
  const index = url.indexOf('?');
  return index === -1 ? [url, ''] : [url.slice(0, index), url.slice(index + 1)];
}

function queryPairs(query: string): Array<[string, string]> {
  return query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    });
}

const decode = (text: string) => decodeURIComponent(text);

function v2Event(name: string, spec: Case): APIGatewayProxyEventV2 {
  return fixture<APIGatewayProxyEventV2>(name, (event) => {
    const [path, query] = split(spec.url);
    // HTTP APIs deliver the path decoded, function URLs as the client sent it.
    event.rawPath = name === 'apigw-http-no-auth' ? decode(path) : path;
    event.rawQueryString = query;
    event.requestContext.http.method = spec.method ?? 'GET';
    event.requestContext.http.path = event.rawPath;
    event.routeKey = '$default';
    keepInfrastructure(event.headers);
    const headers = clientHeaders(spec);
    // API Gateway moves the cookie header into `cookies`.
    if (headers.cookie) event.cookies = headers.cookie.split('; ');
    delete headers.cookie;
    Object.assign(event.headers, headers);
    event.body = spec.body;
    event.isBase64Encoded = false;
  });
}

function restEvent(spec: Case): APIGatewayProxyEvent {
  return fixture<APIGatewayProxyEvent>('apigw-rest-no-auth', (event) => {
    const [path, query] = split(spec.url);
    event.path = path;
    event.httpMethod = spec.method ?? 'GET';
    event.requestContext.httpMethod = event.httpMethod;
    keepInfrastructure(event.headers);
    keepInfrastructure(event.multiValueHeaders as never);
    for (const [name, value] of Object.entries(clientHeaders(spec))) {
      event.headers[name] = value;
      event.multiValueHeaders[name] = [value];
    }
    const multi: { [name: string]: string[] } = {};
    for (const [name, value] of queryPairs(query)) {
      (multi[decode(name)] ??= []).push(decode(value));
    }
    const hasQuery = Object.keys(multi).length > 0;
    event.multiValueQueryStringParameters = hasQuery ? multi : null;
    event.queryStringParameters = hasQuery
      ? Object.fromEntries(
          Object.entries(multi).map(([k, v]) => [k, v.at(-1)!]),
        )
      : null;
    event.body = spec.body ?? null;
    event.isBase64Encoded = false;
  });
}

function albEvent(spec: Case, multiValue: boolean): ALBEvent {
  return fixture<ALBEvent>('alb-base', (event) => {
    const [path, query] = split(spec.url);
    event.path = path;
    event.httpMethod = spec.method ?? 'GET';
    keepInfrastructure(event.headers!);
    Object.assign(event.headers!, clientHeaders(spec));
    const pairs = queryPairs(query);
    if (multiValue) {
      event.multiValueHeaders = Object.fromEntries(
        Object.entries(event.headers!).map(([name, value]) => [name, [value!]]),
      );
      const multi: { [name: string]: string[] } = {};
      for (const [name, value] of pairs) (multi[name] ??= []).push(value);
      event.multiValueQueryStringParameters = multi;
      delete event.headers;
      delete event.queryStringParameters;
    } else {
      event.queryStringParameters = Object.fromEntries(pairs);
    }
    event.body = spec.body ?? '';
    event.isBase64Encoded = false;
  });
}

type Invoke = (spec: Case) => Promise<Answer>;
type Result =
  APIGatewayProxyStructuredResultV2 | APIGatewayProxyResult | ALBResult;

function fromResult(result: Result): Answer {
  const raw: { [name: string]: string | string[] | undefined } = {};
  const add = (name: string, values: string[]) => {
    const key = name.toLowerCase();
    raw[key] = [...[raw[key] ?? []].flat(), ...values];
  };
  for (const [name, value] of Object.entries(result.headers ?? {}))
    add(name, [String(value)]);
  const multi = (result as APIGatewayProxyResult).multiValueHeaders ?? {};
  for (const [name, values] of Object.entries(multi))
    add(name, values.map(String));
  const cookies = (result as APIGatewayProxyStructuredResultV2).cookies;
  if (cookies) add('set-cookie', cookies);
  const body = Buffer.from(
    result.body ?? '',
    result.isBase64Encoded ? 'base64' : 'utf8',
  );
  return normalize(result.statusCode!, raw, body);
}

describe('differential: @nestjs/platform-express over HTTP against each HTTP trigger', () => {
  let reference: INestApplication;
  let port: number;
  const triggers: { [name: string]: Invoke } = {};
  const closers: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    reference = await NestFactory.create(
      DifferentialModule,
      new ExpressAdapter(),
      {
        logger: false,
      },
    );
    configureDifferentialApp(reference);
    await reference.listen(0, '127.0.0.1');
    port = (reference.getHttpServer().address() as AddressInfo).port;

    const configure = ({ app }: { app: unknown }) =>
      configureDifferentialApp(app as INestApplication);
    const http = await createHandler(DifferentialModule, {
      trigger: 'http-api',
      logger: false,
      configure,
    });
    const url = await createHandler(DifferentialModule, {
      trigger: 'function-url',
      logger: false,
      configure,
    });
    const rest = await createHandler(DifferentialModule, {
      trigger: 'rest-api',
      logger: false,
      configure,
    });
    const alb = await createHandler(DifferentialModule, {
      trigger: 'alb',
      logger: false,
      configure,
    });
    closers.push(
      () => http.app.close(),
      () => url.app.close(),
      () => rest.app.close(),
      () => alb.app.close(),
    );
    triggers['HTTP API (2.0)'] = async (spec) =>
      fromResult(
        await http(v2Event('apigw-http-no-auth', spec), lambdaContext()),
      );
    triggers['function URL'] = async (spec) =>
      fromResult(
        await url(
          v2Event('lambda-get-request', spec) as never,
          lambdaContext(),
        ),
      );
    triggers['REST API (1.0)'] = async (spec) =>
      fromResult(await rest(restEvent(spec), lambdaContext()));
    triggers['ALB, multi-value headers'] = async (spec) =>
      fromResult(await alb(albEvent(spec, true), lambdaContext()));
    triggers['ALB, single-value headers'] = async (spec) =>
      fromResult(await alb(albEvent(spec, false), lambdaContext()));
  });
  afterAll(async () => {
    await reference?.close();
    for (const close of closers) await close();
  });

  it('has at least 100 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });

  const names = [
    'HTTP API (2.0)',
    'function URL',
    'REST API (1.0)',
    'ALB, multi-value headers',
    'ALB, single-value headers',
  ];
  describe.each(names)('%s', (name) => {
    const label = (spec: Case, index: number) =>
      `#${index} ${spec.method ?? 'GET'} ${spec.url} ${JSON.stringify(spec.headers ?? {})}`;
    it.each(CASES.map((spec, index) => [label(spec, index), spec] as const))(
      '%s',
      async (_label, spec) => {
        const expected = await sendOverHttp(port, spec);
        const actual = await triggers[name]!(spec);
        if (differenceFor(name, spec)) expect(actual).not.toEqual(expected);
        else expect(actual).toEqual(expected);
      },
    );

    it.each(INTENDED_CASES.map((spec) => [spec.url, spec] as const))(
      '%s differs as the README says',
      async (url, spec) => {
        INTENDED[url]!(
          await triggers[name]!(spec),
          await sendOverHttp(port, spec),
        );
      },
    );
  });
});
