import { marshall } from '@aws-sdk/util-dynamodb';
import type {
  AttributeValue,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  KinesisStreamEvent,
  KinesisStreamRecord,
  S3Event,
} from 'aws-lambda';
import { randomBytes, randomUUID } from 'node:crypto';
import { asText, localArn } from './payload.js';

// S3 notifications and DynamoDB and Kinesis stream records, shaped as in Powertools' s3-base,
// dynamodb-base and kinesis-stream events.

/** Options of `s3Event()`. */
export interface S3EventOptions {
  /** The object key as written (`reports/2024 Q1.csv`); the event carries it encoded as S3 does. */
  readonly key?: string;
  readonly bucket?: string;
  /** In bytes; left out for `ObjectRemoved:*` events, as S3 does. */
  readonly size?: number;
  /** Defaults to `ObjectCreated:Put`. */
  readonly eventName?: string;
}

/**
 * A key as S3 event notifications carry it: form-encoded (a space is `+`), with `/` kept.
 * `reports/2024 Q1(1).csv` → `reports/2024+Q1%281%29.csv`.
 */
export const s3EncodeKey = (key: string): string =>
  encodeURIComponent(key)
    .replace(/%20/g, '+')
    .replace(/%2F/gi, '/')
    .replace(
      /[!'()~]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    );

/**
 * An S3 event notification for one object.
 *
 * @example
 * ```ts
 * await handler(s3Event({ key: 'uploads/my photo.jpg', size: 1024 }));
 * ```
 */
export function s3Event(options: S3EventOptions = {}): S3Event {
  const bucket = options.bucket ?? 'local-bucket';
  const eventName = options.eventName ?? 'ObjectCreated:Put';
  const removed = eventName.startsWith('ObjectRemoved');
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date().toISOString(),
        eventName,
        userIdentity: { principalId: 'AWS:AIDAINPONIXQXHT3IKHL2' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: {
          'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
          'x-amz-id-2': randomBytes(56).toString('base64'),
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: randomUUID(),
          bucket: {
            name: bucket,
            ownerIdentity: { principalId: 'A3I5XTEXAMAI3E' },
            arn: `arn:aws:s3:::${bucket}`,
          },
          object: {
            key: s3EncodeKey(options.key ?? 'object.json'),
            ...(!removed && {
              size: options.size ?? 0,
              eTag: randomBytes(16).toString('hex'),
            }),
            sequencer: randomBytes(9).toString('hex').toUpperCase(),
          },
        },
      },
    ] as S3Event['Records'],
  };
}

/** One DynamoDB change, with plain values (the factory marshalls them). */
export interface DynamoDbChangeOptions {
  /** Defaults from the images: INSERT (new only), MODIFY (both), REMOVE (old only). */
  readonly eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly keys: Readonly<Record<string, unknown>>;
  readonly newImage?: Readonly<Record<string, unknown>>;
  readonly oldImage?: Readonly<Record<string, unknown>>;
}

/** Options of `dynamoDbStreamEvent()`: one change (`keys`, ...) or several (`records`). */
export type DynamoDbStreamEventOptions =
  | DynamoDbChangeOptions
  | {
      readonly records: readonly DynamoDbChangeOptions[];
      readonly table?: string;
    };

type Image = Record<string, AttributeValue>;
const marshalled = (item: Readonly<Record<string, unknown>>) =>
  marshall(item, {
    removeUndefinedValues: true,
    convertClassInstanceToMap: true,
  }) as Image;

/**
 * A DynamoDB Streams event whose keys and images are marshalled (`{ Id: { N: '101' } }`).
 *
 * @example
 * ```ts
 * await handler(dynamoDbStreamEvent({ keys: { id: 1 }, newImage: { id: 1, status: 'paid' } }));
 * ```
 */
export function dynamoDbStreamEvent(
  options: DynamoDbStreamEventOptions,
): DynamoDBStreamEvent {
  const changes = 'records' in options ? options.records : [options];
  const table = ('table' in options && options.table) || 'local-table';
  const created = Math.floor(Date.now() / 1000);
  return {
    Records: changes.map((change, index): DynamoDBRecord => {
      const keys = marshalled(change.keys);
      const newImage = change.newImage && marshalled(change.newImage);
      const oldImage = change.oldImage && marshalled(change.oldImage);
      return {
        eventID: randomBytes(16).toString('hex'),
        eventVersion: '1.1',
        dynamodb: {
          ApproximateCreationDateTime: created,
          Keys: keys,
          ...(newImage && { NewImage: newImage }),
          ...(oldImage && { OldImage: oldImage }),
          StreamViewType: 'NEW_AND_OLD_IMAGES',
          SequenceNumber: String(
            1_000_000_000_000_000_000_000n + BigInt(index),
          ),
          SizeBytes: JSON.stringify([keys, newImage, oldImage]).length,
        },
        awsRegion: 'us-east-1',
        eventName:
          change.eventName ??
          (newImage ? (oldImage ? 'MODIFY' : 'INSERT') : 'REMOVE'),
        eventSourceARN: localArn(
          'dynamodb',
          `table/${table}/stream/2024-06-17T12:00:00.000`,
        ),
        eventSource: 'aws:dynamodb',
      };
    }),
  };
}

/** One Kinesis record. */
export interface KinesisRecordOptions {
  /** A string is sent as is, anything else as JSON; the record carries it base64-encoded. */
  readonly data?: unknown;
  readonly partitionKey?: string;
}

/** Options of `kinesisEvent()`: one record (`data`, ...) or several (`records`). */
export interface KinesisEventOptions extends KinesisRecordOptions {
  readonly records?: readonly KinesisRecordOptions[];
  /** The stream name; defaults to `local-stream`. */
  readonly stream?: string;
}

/**
 * A Kinesis Data Streams event with base64-encoded data and increasing sequence numbers.
 *
 * @example
 * ```ts
 * await handler(kinesisEvent({ records: [{ data: { temp: 21 } }, { data: { temp: 22 } }] }));
 * ```
 */
export function kinesisEvent(
  options: KinesisEventOptions = {},
): KinesisStreamEvent {
  const records = options.records ?? [options];
  const streamArn = localArn(
    'kinesis',
    `stream/${options.stream ?? 'local-stream'}`,
  );
  const arrived = Date.now() / 1000;
  return {
    Records: records.map((record, index): KinesisStreamRecord => {
      const sequenceNumber = String(
        49590338271490256608559692538361571095921575989136588898n +
          BigInt(index),
      );
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: record.partitionKey ?? '1',
          sequenceNumber,
          data: Buffer.from(asText(record.data ?? {})).toString('base64'),
          approximateArrivalTimestamp: arrived + index / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `shardId-000000000000:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
        awsRegion: 'us-east-1',
        eventSourceARN: streamArn,
      };
    }),
  };
}
