import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { RecordSource } from '../batch/record-source.js';
import { processInOrderUntilFailure } from '../batch/stream-batch.processor.js';
import { unmarshallImage, type DynamoDbValue } from './dynamodb-image.js';
import type { EventTriggerDefinition } from './trigger.types.js';

/**
 * What `@Body()` is for a DynamoDB stream record: keys and images as plain values. Numbers are
 * `number`s when exact, otherwise their decimal strings; binary values are `Uint8Array`s; sets are
 * arrays (see `DynamoDbNumber`). Nothing is lost, and `JSON.stringify` takes all of it.
 */
export interface DynamoDbChange<
  TItem = { [attribute: string]: DynamoDbValue },
> {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE' | undefined;
  readonly keys: Partial<TItem>;
  /** Present when the stream view type includes new images. */
  readonly newImage: TItem | undefined;
  /** Present when the stream view type includes old images. */
  readonly oldImage: TItem | undefined;
}

/**
 * DynamoDB Streams. Records run in order and processing stops at the first failure, whose
 * sequence number is reported (see batch/stream-batch.processor.ts).
 */
export const dynamoDbStreamTrigger: EventTriggerDefinition<
  DynamoDBStreamEvent,
  DynamoDBBatchResponse
> = {
  kind: 'event',
  source: 'dynamodb',
  handle: (event, invocation, [method]) =>
    processInOrderUntilFailure(
      new DynamoDbRecords(event.Records ?? [], invocation, method!),
    ),
};

class DynamoDbRecords extends RecordSource<DynamoDBRecord> {
  identify(record: DynamoDBRecord): string {
    return record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
  }

  protected decode(record: DynamoDBRecord): unknown {
    return decodeDynamoDbRecord(record);
  }
}

/** A stream record as `@Body()` gets it: event name, keys and images, unmarshalled exactly. */
export function decodeDynamoDbRecord(record: DynamoDBRecord): DynamoDbChange {
  const change = record.dynamodb ?? {};
  const plain = (image: Parameters<typeof unmarshallImage>[0] | undefined) =>
    image ? unmarshallImage(image) : undefined;
  return {
    eventName: record.eventName,
    keys: plain(change.Keys) ?? {},
    newImage: plain(change.NewImage),
    oldImage: plain(change.OldImage),
  };
}
