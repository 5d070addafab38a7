import { Logger } from '@nestjs/common';
import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';

/**
 * Logs a record that is reported failed, with its identifier and the request id, through Nest's
 * logger (the `LambdaLogger` unless the app was given another one). One line without the stack:
 * Nest's exception handler has already logged the stack of an unexpected error, and an
 * `HttpException` (a guard or validation refusal) needs none.
 */
export function logRecordFailure(
  invocation: LambdaInvocation,
  itemIdentifier: string,
  error: unknown,
): void {
  const reason =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  new Logger('LambdaBatch').error(
    `Record ${itemIdentifier} of ${invocation.trigger} request ${invocation.context.awsRequestId} failed: ${reason}`,
  );
}
