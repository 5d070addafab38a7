/** Marks a class decorated with `@LambdaHandler()`. */
export const LAMBDA_HANDLER_METADATA = 'lambda:handler';

/** Holds `{ source, options }` on a method decorated with `@OnSqsMessage()` and friends. */
export const LAMBDA_EVENT_METADATA = 'lambda:event';

/**
 * The execution context type of non-HTTP invocations: `ExecutionContext.getType()` returns it.
 */
export const LAMBDA_CONTEXT_TYPE = 'lambda';

/**
 * Which method decorator a trigger dispatches to (`sqs` and `sqs-fifo` share `@OnSqsMessage()`).
 */
export type EventSource =
  | 'sqs'
  | 'sns'
  | 's3'
  | 'eventbridge'
  | 'schedule'
  | 'dynamodb'
  | 'kinesis'
  | 'invoke';
