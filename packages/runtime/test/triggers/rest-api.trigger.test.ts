import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type LambdaEntry } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';
import { EchoModule } from '../support/http-app.js';
import { restApiEvent } from '../support/http-events.js';

describe('rest-api trigger (payload format 1.0)', () => {
  let handler: LambdaEntry<APIGatewayProxyEvent, APIGatewayProxyResult>;
  beforeAll(async () => {
    handler = await createHandler(EchoModule, {
      trigger: 'rest-api',
      logger: false,
    });
  });
  afterAll(() => handler.app.close());

  it('routes the real fixture (POST /no-auth) and answers with multi-value headers', async () => {
    const result = await handler(
      fixture('apigw-rest-no-auth'),
      lambdaContext(),
    );
    expect(result).toEqual({
      statusCode: 404,
      multiValueHeaders: {
        'content-length': ['71'],
        'content-type': ['application/json; charset=utf-8'],
        etag: ['W/"47-22nuUR15MoYC1h+mchEeOYxDCtM"'],
      },
      body: '{"message":"Cannot POST /no-auth","error":"Not Found","statusCode":404}',
      isBase64Encoded: false,
    });
  });

  it('reads multi-value query parameters and lower-cases multi-value headers', async () => {
    const event = restApiEvent({
      url: '/items',
      multiQuery: { tag: ['a', 'b'], q: ['été'] },
      headers: { 'X-Tenant-Id': 't-1' },
    });
    event.multiValueHeaders['Cookie'] = ['a=1', 'b=2'];
    const body = JSON.parse((await handler(event, lambdaContext())).body);
    expect(body).toMatchObject({
      url: '/items?tag=a&tag=b&q=%C3%A9t%C3%A9',
      query: { tag: ['a', 'b'], q: 'été' },
      ip: '15.248.3.126',
      cookie: 'a=1; b=2',
      cookies: { a: '1', b: '2' },
    });
  });

  it('returns repeated headers as lists', async () => {
    const result = await handler(
      restApiEvent({ url: '/cookies/set' }),
      lambdaContext(),
    );
    expect(result.multiValueHeaders).toMatchObject({
      'set-cookie': ['a=1; Path=/', 'b=2; Path=/'],
      'x-multi': ['one', 'two'],
    });
    expect(result.headers).toBeUndefined();
  });

  it('returns single-value headers when the request had none with several values', async () => {
    const event = restApiEvent({ url: '/x' });
    delete (event as Partial<APIGatewayProxyEvent>).multiValueHeaders;
    const result = await handler(event, lambdaContext());
    expect(result.headers).toEqual({
      'content-length': expect.any(String),
      'content-type': 'application/json; charset=utf-8',
      etag: expect.any(String),
    });
  });

  it('decodes base64 bodies in and encodes binary bodies out', async () => {
    const post = await handler(
      restApiEvent({
        method: 'POST',
        url: '/echo',
        headers: { 'Content-Type': 'image/png' },
        body: Buffer.from([1, 2, 3]),
      }),
      lambdaContext(),
    );
    expect(JSON.parse(post.body)).toEqual({ type: 'image/png', body: 'AQID' });
    const out = await handler(
      restApiEvent({ url: '/binary/out' }),
      lambdaContext(),
    );
    expect(out).toMatchObject({
      isBase64Encoded: true,
      body: Buffer.from('%PDF-1.7').toString('base64'),
    });
  });
});
