import {
  httpApiEvent,
  lambdaContext,
} from '@create-nest-lambda/runtime/testing';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handler } from '../../src/functions/api.function.js';

// Each test builds an API Gateway HTTP API event (payload 2.0) with the runtime's test kit and
// invokes the entry as Lambda would.
async function invoke(event: APIGatewayProxyEventV2) {
  const result = await handler(event, lambdaContext('api'));
  return {
    status: result.statusCode,
    body: JSON.parse(result.body ?? 'null') as unknown,
  };
}

describe('api function', () => {
  it('answers GET /health with 200', async () => {
    expect(await invoke(httpApiEvent({ path: '/health' }))).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
  });

  it('finds an order by id', async () => {
    const { status, body } = await invoke(
      httpApiEvent({ path: '/orders/ord-1' }),
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'ord-1', customerId: 'cust-1' });
  });

  it('answers 404 with Nest body for an unknown order', async () => {
    expect(await invoke(httpApiEvent({ path: '/orders/nope' }))).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        message: 'Order nope not found',
        error: 'Not Found',
      },
    });
  });

  it('places an order with 201 and stamps the caller correlation id', async () => {
    const { status, body } = await invoke(
      httpApiEvent({
        method: 'POST',
        path: '/orders',
        headers: { 'x-correlation-id': 'corr-abc' },
        body: { customerId: 'cust-9', lines: [{ sku: 'lamp', quantity: 1 }] },
      }),
    );

    expect(status).toBe(201);
    expect(body).toMatchObject({
      customerId: 'cust-9',
      status: 'placed',
      correlationId: 'corr-abc',
    });
  });

  it('stamps the Lambda request id when the caller sends no correlation id', async () => {
    const { status, body } = await invoke(
      httpApiEvent({
        method: 'POST',
        path: '/orders',
        body: { customerId: 'cust-9', lines: [{ sku: 'lamp', quantity: 1 }] },
      }),
    );

    expect(status).toBe(201);
    expect((body as { correlationId: string }).correlationId).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });

  it('refuses an invalid order with 400 from the ValidationPipe', async () => {
    const { status, body } = await invoke(
      httpApiEvent({
        method: 'POST',
        path: '/orders',
        body: { customerId: '', lines: [] },
      }),
    );

    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('answers 404 for a route no controller serves', async () => {
    expect((await invoke(httpApiEvent({ path: '/nowhere' }))).status).toBe(404);
  });
});
