import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { logRecordFailure } from '../batch/record-failure.js';
import { processInOrderUntilFailure } from '../batch/stream-batch.processor.js';
import { withPayload } from '../pipeline/lambda-invocation.js';
import type { EventTriggerDefinition } from './trigger.types.js';

/** What `@Body()` is for a DynamoDB stream record: keys and images as plain values. */
export interface DynamoDbChange<TItem = { [attribute: string]: unknown }> {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE' | undefined;
  readonly keys: Partial<TItem>;
  /** Present when the stream view type includes new images. */
  readonly newImage: TItem | undefined;
  /** Present when the stream view type includes old images. */
  readonly oldImage: TItem | undefined;
}

// DynamoDB Streams. Records run in order and processing stops at the first failure, whose
// sequence number is reported (see batch/stream-batch.processor.ts).
export const dynamoDbStreamTrigger: EventTriggerDefinition<
  DynamoDBStreamEvent,
  DynamoDBBatchResponse
> = {
  kind: 'event',
  source: 'dynamodb',
  handle: (event, invocation, [method]) =>
    processInOrderUntilFailure<DynamoDBRecord>({
      records: event.Records ?? [],
      identify: (record) =>
        record.dynamodb?.SequenceNumber ?? record.eventID ?? '',
      run: async (record) =>
        method!.run(
          withPayload(invocation, record, decodeDynamoDbRecord(record)),
        ),
      reportFailure: (itemIdentifier, error) =>
        logRecordFailure(invocation, itemIdentifier, error),
    }),
};

type Image = Parameters<typeof unmarshall>[0];

export function decodeDynamoDbRecord(record: DynamoDBRecord): DynamoDbChange {
  const change = record.dynamodb ?? {};
  // @types/aws-lambda and the SDK declare the same attribute value shape separately.
  const plain = (image: object | undefined) =>
    image ? unmarshall(image as Image) : undefined;
  return {
    eventName: record.eventName,
    keys: plain(change.Keys) ?? {},
    newImage: plain(change.NewImage),
    oldImage: plain(change.OldImage),
  };
}
