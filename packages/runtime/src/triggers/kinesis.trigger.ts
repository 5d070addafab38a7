import type {
  KinesisStreamBatchResponse,
  KinesisStreamEvent,
  KinesisStreamRecord,
} from 'aws-lambda';
import { RecordSource } from '../batch/record-source.js';
import { processInOrderUntilFailure } from '../batch/stream-batch.processor.js';
import { parseJsonPayload } from './json-payload.js';
import type { EventTriggerDefinition } from './trigger.types.js';

/**
 * Kinesis Data Streams. `@Body()` is the data, base64-decoded, JSON-parsed when it holds JSON.
 * Records run in order and processing stops at the first failure, whose sequence number is
 * reported (see batch/stream-batch.processor.ts).
 */
export const kinesisTrigger: EventTriggerDefinition<
  KinesisStreamEvent,
  KinesisStreamBatchResponse
> = {
  kind: 'event',
  source: 'kinesis',
  handle: (event, invocation, [method]) =>
    processInOrderUntilFailure(
      new KinesisRecords(event.Records ?? [], invocation, method!),
    ),
};

class KinesisRecords extends RecordSource<KinesisStreamRecord> {
  identify(record: KinesisStreamRecord): string {
    return record.kinesis.sequenceNumber;
  }

  protected decode(record: KinesisStreamRecord): unknown {
    return decodeKinesisData(record);
  }
}

/** A Kinesis record's data as `@Body()` gets it: base64-decoded, and JSON-parsed when it is JSON. */
export function decodeKinesisData(record: KinesisStreamRecord): unknown {
  return parseJsonPayload(
    Buffer.from(record.kinesis.data, 'base64').toString('utf8'),
  );
}
