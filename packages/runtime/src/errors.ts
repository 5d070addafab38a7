// Errors the kit throws. Each sets `name`, so logs and `batchItemFailures` reasons stay readable
// after bundling (minifiers rename classes).

/** `createHandler` was given a trigger that is not in `TRIGGERS`. */
export class UnknownTriggerError extends Error {
  override readonly name = 'UnknownTriggerError';

  constructor(trigger: string, known: readonly string[]) {
    super(
      `Unknown trigger "${trigger}"; expected one of: ${known.join(', ')}.`,
    );
  }
}

/** The handler class, its decorators or the options of `createHandler` do not fit the trigger. */
export class LambdaHandlerDefinitionError extends Error {
  override readonly name = 'LambdaHandlerDefinitionError';
}

/** A function's CORS policy (`src/functions/<fn>.cors.ts`) cannot work as written. */
export class CorsPolicyError extends Error {
  override readonly name = 'CorsPolicyError';
}

/** No method of the handler class takes this event (e.g. an EventBridge detail type nobody handles). */
export class UnhandledEventError extends Error {
  override readonly name = 'UnhandledEventError';
}

/** An SNS envelope was expected in an SQS body (`@OnSqsMessage({ unwrapSns: true })`) but not found. */
export class SnsEnvelopeError extends Error {
  override readonly name = 'SnsEnvelopeError';
}

/**
 * A record of an SQS FIFO batch was not run because an earlier record of its message group failed
 * in the same batch. It is reported failed so that SQS redelivers the group in order.
 */
export class SqsFifoMessageGroupShortCircuitError extends Error {
  override readonly name = 'SqsFifoMessageGroupShortCircuitError';

  constructor(readonly messageGroupId: string) {
    super(
      `Skipped: an earlier message of group "${messageGroupId}" failed in this batch.`,
    );
  }
}

/** An `@Idempotent()` method got a payload without its key (on HTTP routes, the header is optional). */
export class IdempotencyKeyMissingError extends Error {
  override readonly name = 'IdempotencyKeyMissingError';

  constructor(method: string) {
    super(
      `${method} is @Idempotent() but its payload has no idempotency key; the record is failed rather than run twice.`,
    );
  }
}

/** The idempotency key of this payload was already used with a different payload. */
export class IdempotencyPayloadMismatchError extends Error {
  override readonly name = 'IdempotencyPayloadMismatchError';

  constructor(method: string, options?: ErrorOptions) {
    super(
      `${method}: this idempotency key was already used with a different payload; send a new key for a different request.`,
      options,
    );
  }
}

/** `@Idempotent()` ran without its table: `IDEMPOTENCY_TABLE_NAME` is unset, or Powertools is not installed. */
export class IdempotencySetupError extends Error {
  override readonly name = 'IdempotencySetupError';
}
