import type { Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

/** What `lambdaContext()` may set; everything else gets Lambda's usual value. */
export interface LambdaContextOptions {
  readonly functionName?: string;
  /** How long the invocation may run, in ms: `getRemainingTimeInMillis()` counts down from it. */
  readonly timeoutMs?: number;
  readonly awsRequestId?: string;
  readonly memoryLimitInMB?: string;
  readonly region?: string;
}

/**
 * A Lambda `Context` for running a handler outside Lambda: a fresh request id per call and a
 * deadline as far off as the timeout (30 s unless told).
 *
 * @example
 * ```ts
 * await handler(sqsEvent({ body: { id: 1 } }), lambdaContext('order-events'));
 * ```
 */
export function lambdaContext(
  options: string | LambdaContextOptions = {},
): Context {
  const {
    functionName = 'local-function',
    timeoutMs = 30_000,
    awsRequestId = randomUUID(),
    memoryLimitInMB = '1024',
    region = 'us-east-1',
  } = typeof options === 'string' ? { functionName: options } : options;
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:123456789012:function:${functionName}`,
    memoryLimitInMB,
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]local`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
