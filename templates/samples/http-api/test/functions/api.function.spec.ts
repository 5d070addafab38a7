import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { handler } from '../../src/functions/api.function.js';
import { lambdaContext } from '../support/lambda-context.js';

// The sample event is a real API Gateway HTTP API payload; each test changes only what it needs.
const sample = JSON.parse(
  readFileSync(new URL('../events/api.json', import.meta.url), 'utf8'),
) as APIGatewayProxyEventV2;

function request(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyEventV2 {
  return {
    ...sample,
    rawPath: path,
    headers: {
      ...sample.headers,
      'content-type': 'application/json',
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    requestContext: {
      ...sample.requestContext,
      http: { ...sample.requestContext.http, method, path },
    },
  };
}

async function invoke(event: APIGatewayProxyEventV2) {
  const result = (await handler(
    event,
    lambdaContext('api'),
  )) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode,
    body: JSON.parse(result.body ?? 'null') as unknown,
  };
}

describe('api function', () => {
  it('answers the sample event, GET /health, with 200', async () => {
    expect(await invoke(sample)).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
  });

  it('finds an order by id', async () => {
    const { status, body } = await invoke(request('GET', '/orders/ord-1'));

    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'ord-1', customerId: 'cust-1' });
  });

  it('answers 404 with Nest body for an unknown order', async () => {
    expect(await invoke(request('GET', '/orders/nope'))).toEqual({
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
      request(
        'POST',
        '/orders',
        { customerId: 'cust-9', lines: [{ sku: 'lamp', quantity: 1 }] },
        { 'x-correlation-id': 'corr-abc' },
      ),
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
      request('POST', '/orders', {
        customerId: 'cust-9',
        lines: [{ sku: 'lamp', quantity: 1 }],
      }),
    );

    expect(status).toBe(201);
    expect((body as { correlationId: string }).correlationId).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });

  it('refuses an invalid order with 400 from the ValidationPipe', async () => {
    const { status, body } = await invoke(
      request('POST', '/orders', { customerId: '', lines: [] }),
    );

    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('answers 404 for a route no controller serves', async () => {
    expect((await invoke(request('GET', '/nowhere'))).status).toBe(404);
  });
});
