import type {
  APIGatewayProxyStructuredResultV2,
  LambdaFunctionURLEvent,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type LambdaEntry } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';
import { EchoModule } from '../support/http-app.js';
import { functionUrlEvent } from '../support/http-events.js';

describe('function-url trigger', () => {
  let handler: LambdaEntry<
    LambdaFunctionURLEvent,
    APIGatewayProxyStructuredResultV2
  >;
  beforeAll(async () => {
    handler = await createHandler(EchoModule, {
      trigger: 'function-url',
      logger: false,
    });
  });
  afterAll(() => handler.app.close());

  it('routes the real fixture (GET /)', async () => {
    const result = await handler(
      fixture('lambda-get-request'),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body!)).toMatchObject({
      method: 'GET',
      url: '/',
      ip: '123.123.123.123',
    });
  });

  it('serves query strings and JSON bodies', async () => {
    const get = await handler(
      functionUrlEvent({ url: '/search?q=nest+lambda' }),
      lambdaContext(),
    );
    expect(JSON.parse(get.body!).query).toEqual({ q: 'nest lambda' });
    const post = await handler(
      functionUrlEvent({ method: 'POST', url: '/echo', json: [1, 2] }),
      lambdaContext(),
    );
    expect(JSON.parse(post.body!)).toEqual({
      type: 'application/json',
      body: [1, 2],
    });
  });
});
