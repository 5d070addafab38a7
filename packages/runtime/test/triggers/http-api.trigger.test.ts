import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type LambdaEntry } from '../../src/index.js';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';
import { EchoModule } from '../support/http-app.js';
import { httpApiEvent } from '../support/http-events.js';

describe('http-api trigger (payload format 2.0)', () => {
  let handler: LambdaEntry<
    APIGatewayProxyEventV2,
    APIGatewayProxyStructuredResultV2
  >;
  beforeAll(async () => {
    handler = await createHandler(EchoModule, {
      trigger: 'http-api',
      logger: false,
    });
  });
  afterAll(() => handler.app.close());

  it('routes the real fixture (POST /lambda) to a 404, with its method and path', async () => {
    const result = await handler(
      fixture('apigw-http-no-auth'),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body!)).toMatchObject({
      message: 'Cannot POST /lambda',
    });
  });

  it('takes method, path, query, headers and the source ip from the event', async () => {
    const result = await handler(
      httpApiEvent({ url: '/reports/2024?format=csv&tag=a&tag=b' }),
      lambdaContext(),
    );
    expect(JSON.parse(result.body!)).toEqual({
      method: 'GET',
      url: '/reports/2024?format=csv&tag=a&tag=b',
      path: '/reports/2024',
      query: { format: 'csv', tag: ['a', 'b'] },
      ip: '15.248.3.126',
      cookies: {},
    });
  });

  it('folds the cookies list into a cookie header', async () => {
    const event = httpApiEvent({ url: '/me' });
    event.cookies = ['session=abc', 'theme=dark%20blue'];
    const body = JSON.parse((await handler(event, lambdaContext())).body!);
    expect(body.cookie).toBe('session=abc; theme=dark%20blue');
    expect(body.cookies).toEqual({ session: 'abc', theme: 'dark blue' });
  });

  it('returns set-cookie headers as cookies, and joins other repeated headers', async () => {
    const result = await handler(
      httpApiEvent({ url: '/cookies/set' }),
      lambdaContext(),
    );
    expect(result.cookies).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(result.headers!['set-cookie']).toBeUndefined();
    expect(result.headers!['x-multi']).toBe('one, two');
  });

  it('removes a named stage from the path', async () => {
    const event = httpApiEvent({ url: '/prod/orders' });
    event.requestContext.stage = 'prod';
    expect(JSON.parse((await handler(event, lambdaContext())).body!).path).toBe(
      '/orders',
    );
  });

  it('escapes a path HTTP API delivered decoded', async () => {
    const event = httpApiEvent({ url: '/a b/100%' });
    expect(JSON.parse((await handler(event, lambdaContext())).body!).path).toBe(
      '/a%20b/100%25',
    );
  });

  it('decodes a base64 JSON body and answers JSON', async () => {
    const event = httpApiEvent({ method: 'POST', url: '/echo' });
    event.headers['content-type'] = 'application/json';
    event.body = Buffer.from('{"sku":"A-1"}').toString('base64');
    event.isBase64Encoded = true;
    const result = await handler(event, lambdaContext());
    expect(result).toMatchObject({ statusCode: 201, isBase64Encoded: false });
    expect(JSON.parse(result.body!)).toEqual({
      type: 'application/json',
      body: { sku: 'A-1' },
    });
  });

  it('returns binary bodies base64-encoded', async () => {
    const result = await handler(
      httpApiEvent({ url: '/binary/out' }),
      lambdaContext(),
    );
    expect(result).toMatchObject({ statusCode: 200, isBase64Encoded: true });
    expect(Buffer.from(result.body!, 'base64').toString()).toBe('%PDF-1.7');
  });
});
