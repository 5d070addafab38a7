import type { Context } from 'aws-lambda';

let sequence = 0;

/** A Lambda context as the runtime passes it (it is not an event, so it is built here). */
export function lambdaContext(overrides: Partial<Context> = {}): Context {
  sequence += 1;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'orders-service-api',
    functionVersion: '$LATEST',
    invokedFunctionArn:
      'arn:aws:lambda:eu-west-1:123456789012:function:orders-service-api',
    memoryLimitInMB: '512',
    awsRequestId: `request-${sequence}`,
    logGroupName: '/aws/lambda/orders-service-api',
    logStreamName: '2026/01/01/[$LATEST]abcdef',
    getRemainingTimeInMillis: () => 29_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    ...overrides,
  };
}
