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
