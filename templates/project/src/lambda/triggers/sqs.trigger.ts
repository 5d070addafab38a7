import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { BatchSource } from '../batch/batch.types.js';
import { processInParallel } from '../batch/parallel-batch.processor.js';
import { logRecordFailure } from '../batch/record-failure.js';
import type { SqsMessageOptions } from '../decorators/on-event.decorators.js';
import { SnsEnvelopeError } from '../errors.js';
import {
  withPayload,
  type LambdaInvocation,
} from '../pipeline/lambda-invocation.js';
import { parseJsonPayload } from './json-payload.js';
import type { EventTriggerDefinition, HandlerMethod } from './trigger.types.js';

// Standard SQS queues. Each message runs through the pipeline on its own, concurrently; failed
// ones (thrown errors, guard refusals, validation errors) are returned in `batchItemFailures`,
// which needs `ReportBatchItemFailures` on the event source mapping.
export const sqsTrigger: EventTriggerDefinition<SQSEvent, SQSBatchResponse> = {
  kind: 'event',
  source: 'sqs',
  handle: (event, invocation, [method]) =>
    processInParallel(sqsSource(event, invocation, method!)),
};

export function sqsSource(
  event: SQSEvent,
  invocation: LambdaInvocation,
  method: HandlerMethod,
): BatchSource<SQSRecord> {
  const options = method.options as SqsMessageOptions;
  return {
    records: event.Records ?? [],
    identify: (record) => record.messageId,
    run: async (record) =>
      method.run(
        withPayload(invocation, record, decodeSqsBody(record, options)),
      ),
    reportFailure: (itemIdentifier, error) =>
      logRecordFailure(invocation, itemIdentifier, error),
  };
}

export function decodeSqsBody(
  record: SQSRecord,
  options: SqsMessageOptions,
): unknown {
  if (!options.unwrapSns) return parseJsonPayload(record.body);
  let envelope: { Type?: unknown; Message?: unknown } | undefined;
  try {
    envelope = JSON.parse(record.body) as typeof envelope;
  } catch {
    envelope = undefined;
  }
  if (
    typeof envelope?.Message !== 'string' ||
    envelope.Type !== 'Notification'
  ) {
    throw new SnsEnvelopeError(
      `Message ${record.messageId} does not hold an SNS notification.`,
    );
  }
  return parseJsonPayload(envelope.Message);
}
