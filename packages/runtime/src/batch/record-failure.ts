import { HttpException, Logger } from '@nestjs/common';
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
    error instanceof Error
      ? `${error.name}: ${describe(error)}`
      : String(error);
  new Logger('LambdaBatch').error(
    `Record ${itemIdentifier} of ${invocation.trigger} request ${invocation.context.awsRequestId} failed: ${reason}`,
  );
}

// A validation error says what is wrong in its response, not in its message.
function describe(error: Error): string {
  if (!(error instanceof HttpException)) return error.message;
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const { message } = response as { message?: unknown };
  return Array.isArray(message)
    ? message.join('; ')
    : typeof message === 'string'
      ? message
      : error.message;
}
