import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handler } from '../../src/functions/api.function.js';
import { lambdaContext } from '../support/lambda-context.js';

// A real API Gateway HTTP API payload for GET /; point it at a route of yours to test that route.
const sample = JSON.parse(
  readFileSync(new URL('../events/api.json', import.meta.url), 'utf8'),
) as APIGatewayProxyEventV2;

function get(path: string): APIGatewayProxyEventV2 {
  return {
    ...sample,
    rawPath: path,
    requestContext: {
      ...sample.requestContext,
      http: { ...sample.requestContext.http, method: 'GET', path },
    },
  };
}

async function invoke(
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  return (await handler(
    event,
    lambdaContext('api'),
  )) as APIGatewayProxyStructuredResultV2;
}

describe('api function', () => {
  it('answers its sample event through the app controllers, without a server error', async () => {
    expect((await invoke(sample)).statusCode).toBeLessThan(500);
  });

  it('answers 404 for a route no controller serves', async () => {
    expect((await invoke(get('/no-such-route'))).statusCode).toBe(404);
  });
});
