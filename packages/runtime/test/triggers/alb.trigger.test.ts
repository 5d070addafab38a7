import type { ALBEvent, ALBResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type LambdaEntry } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';
import { EchoModule } from '../support/http-app.js';
import { albEvent } from '../support/http-events.js';

describe('alb trigger', () => {
  let handler: LambdaEntry<ALBEvent, ALBResult>;
  beforeAll(async () => {
    handler = await createHandler(EchoModule, {
      trigger: 'alb',
      logger: false,
    });
  });
  afterAll(() => handler.app.close());

  it('routes the real fixture (GET /lambda?query=1234ABCD) and adds statusDescription', async () => {
    const result = await handler(fixture('alb-base'), lambdaContext());
    expect(result).toMatchObject({
      statusCode: 200,
      statusDescription: '200 OK',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      isBase64Encoded: false,
    });
    expect(JSON.parse(result.body!)).toMatchObject({
      path: '/lambda',
      query: { query: '1234ABCD' },
      ip: '72.12.164.125',
    });
  });

  it('decodes query parameters, which ALB leaves URL-encoded', async () => {
    const result = await handler(
      albEvent({ url: '/find?name=J%C3%BCrgen+M&x=%2F' }),
      lambdaContext(),
    );
    expect(JSON.parse(result.body!).query).toEqual({
      name: 'Jürgen M',
      x: '/',
    });
  });

  it('answers with multi-value headers when the target group sends them', async () => {
    const event = albEvent({ url: '/cookies/set' });
    event.multiValueHeaders = Object.fromEntries(
      Object.entries(event.headers!).map(([name, value]) => [name, [value!]]),
    );
    event.multiValueQueryStringParameters = { a: ['1', '2'] };
    delete event.headers;
    delete event.queryStringParameters;
    const result = await handler(event, lambdaContext());
    expect(result.headers).toBeUndefined();
    expect(result.multiValueHeaders!['set-cookie']).toEqual([
      'a=1; Path=/',
      'b=2; Path=/',
    ]);
    const echo = event;
    echo.path = '/q';
    expect(
      JSON.parse((await handler(echo, lambdaContext())).body!).query,
    ).toEqual({ a: ['1', '2'] });
  });

  it('never folds several cookies into one header without multi-value headers', async () => {
    const result = await handler(
      albEvent({ url: '/cookies/set' }),
      lambdaContext(),
    );
    expect(result.multiValueHeaders).toBeUndefined();
    // One header per cookie, under names that differ only in case: ALB passes each on.
    const cookies = Object.entries(result.headers!).filter(
      ([name]) => name.toLowerCase() === 'set-cookie',
    );
    expect(cookies).toEqual([
      ['set-cookie', 'a=1; Path=/'],
      ['Set-cookie', 'b=2; Path=/'],
    ]);
    expect(result.headers!['x-multi']).toBe('one, two');
  });

  it('describes error statuses', async () => {
    const result = await handler(
      albEvent({ method: 'DELETE', url: '/x' }),
      lambdaContext(),
    );
    expect(result).toMatchObject({
      statusCode: 404,
      statusDescription: '404 Not Found',
    });
  });
});
