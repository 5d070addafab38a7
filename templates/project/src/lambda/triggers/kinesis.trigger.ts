import type {
  KinesisStreamBatchResponse,
  KinesisStreamEvent,
  KinesisStreamRecord,
} from 'aws-lambda';
import { logRecordFailure } from '../batch/record-failure.js';
import { processInOrderUntilFailure } from '../batch/stream-batch.processor.js';
import { withPayload } from '../pipeline/lambda-invocation.js';
import { parseJsonPayload } from './json-payload.js';
import type { EventTriggerDefinition } from './trigger.types.js';

// Kinesis Data Streams. `@Body()` is the data, base64-decoded, JSON-parsed when it holds JSON.
// Records run in order and processing stops at the first failure, whose sequence number is
// reported (see batch/stream-batch.processor.ts).
export const kinesisTrigger: EventTriggerDefinition<
  KinesisStreamEvent,
  KinesisStreamBatchResponse
> = {
  kind: 'event',
  source: 'kinesis',
  handle: (event, invocation, [method]) =>
    processInOrderUntilFailure<KinesisStreamRecord>({
      records: event.Records ?? [],
      identify: (record) => record.kinesis.sequenceNumber,
      run: async (record) =>
        method!.run(withPayload(invocation, record, decodeKinesisData(record))),
      reportFailure: (itemIdentifier, error) =>
        logRecordFailure(invocation, itemIdentifier, error),
    }),
};

export function decodeKinesisData(record: KinesisStreamRecord): unknown {
  return parseJsonPayload(
    Buffer.from(record.kinesis.data, 'base64').toString('utf8'),
  );
}
