import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { processInParallel } from '../batch/parallel-batch.processor.js';
import { RecordSource } from '../batch/record-source.js';
import type { SqsMessageOptions } from '../decorators/on-event.decorators.js';
import { SnsEnvelopeError } from '../errors.js';
import { parseJsonPayload } from './json-payload.js';
import type { EventTriggerDefinition } from './trigger.types.js';

/**
 * Standard SQS queues. Each message runs through the pipeline on its own, concurrently; failed
 * ones (thrown errors, guard refusals, validation errors) are returned in `batchItemFailures`,
 * which needs `ReportBatchItemFailures` on the event source mapping.
 */
export const sqsTrigger: EventTriggerDefinition<SQSEvent, SQSBatchResponse> = {
  kind: 'event',
  source: 'sqs',
  handle: (event, invocation, [method]) =>
    processInParallel(new SqsRecords(event.Records ?? [], invocation, method!)),
};

/** The messages of an SQS event (standard and FIFO queues). */
export class SqsRecords extends RecordSource<SQSRecord> {
  identify(record: SQSRecord): string {
    return record.messageId;
  }

  protected decode(record: SQSRecord): unknown {
    return decodeSqsBody(record, this.method.options as SqsMessageOptions);
  }
}

/** An SQS body as `@Body()` gets it: JSON parsed, and taken out of an SNS envelope with `unwrapSns`. */
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
