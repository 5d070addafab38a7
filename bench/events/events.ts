import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OrderLine, priceOrder } from '../scenario/order-logic.js';
import type { TriggerKind } from '../scenarios.js';

// Events are clones of the real payloads in packages/runtime/test/fixtures/events/, with the bench's order lines
// as bodies. Every record and request differs (ids, quantities), as a real batch does.

const fixture = <T>(fixturesDir: string, file: string): T =>
  JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as T;

export function orderLine(batch: number, index: number): OrderLine {
  return {
    orderId: `ord-${batch}-${index}`,
    sku: `SKU-${index % 97}`,
    quantity: 1 + (index % 9),
    unitPrice: 12.5,
  };
}

export function sqsEvent(
  fixturesDir: string,
  batch: number,
  size: number,
): SQSEvent {
  const template = fixture<SQSEvent>(fixturesDir, 'sqs-base.json').Records[0]!;
  return {
    Records: Array.from({ length: size }, (_, index) => ({
      ...structuredClone(template),
      messageId: `msg-${batch}-${index}`,
      body: JSON.stringify(orderLine(batch, index)),
    })),
  };
}

export function httpEvent(
  fixturesDir: string,
  batch: number,
): APIGatewayProxyEventV2 {
  const event = fixture<APIGatewayProxyEventV2>(
    fixturesDir,
    'apigw-http-no-auth.json',
  );
  const body = JSON.stringify(orderLine(batch, 0));
  return {
    ...event,
    routeKey: 'POST /orders/price',
    rawPath: '/orders/price',
    headers: {
      ...event.headers,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    },
    requestContext: {
      ...event.requestContext,
      requestId: `req-${batch}`,
      http: {
        ...event.requestContext.http,
        method: 'POST',
        path: '/orders/price',
      },
    },
    body,
    isBase64Encoded: false,
  };
}

/** `count` distinct events of `size` records (HTTP requests have one). */
export function eventPool(
  fixturesDir: string,
  trigger: TriggerKind,
  size: number,
  count: number,
): unknown[] {
  return Array.from({ length: count }, (_, batch) =>
    trigger === 'sqs'
      ? sqsEvent(fixturesDir, batch, size)
      : httpEvent(fixturesDir, batch),
  );
}

export function lambdaContext(functionName: string, index: number): Context {
  const deadline = Date.now() + 15 * 60_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Why a result is not the one every function must give for a valid event, or undefined. */
export function wrongResult(
  trigger: TriggerKind,
  event: unknown,
  result: unknown,
): string | undefined {
  if (trigger === 'sqs') {
    const failures = (result as Partial<SQSBatchResponse> | undefined)
      ?.batchItemFailures;
    return Array.isArray(failures) && failures.length === 0
      ? undefined
      : `expected { batchItemFailures: [] }, got ${JSON.stringify(result)?.slice(0, 300)}`;
  }
  const response = result as APIGatewayProxyStructuredResultV2 | undefined;
  const request = event as APIGatewayProxyEventV2;
  const expected = JSON.stringify(
    priceOrder(JSON.parse(request.body!) as OrderLine),
  );
  let body: unknown;
  try {
    body = JSON.stringify(JSON.parse(String(response?.body)));
  } catch {
    body = undefined;
  }
  return response?.statusCode === 200 && body === expected
    ? undefined
    : `expected 200 ${expected}, got ${JSON.stringify(result)?.slice(0, 300)}`;
}
