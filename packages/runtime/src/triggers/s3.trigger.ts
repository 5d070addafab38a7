import type { S3Event, S3EventRecord } from 'aws-lambda';
import { withPayload } from '../pipeline/lambda-invocation.js';
import type { EventTriggerDefinition } from './trigger.types.js';

/** What `@Body()` is for an S3 notification. */
export interface S3ObjectEvent {
  readonly bucket: string;
  /** The object key, URL-decoded (S3 encodes it, with `+` for spaces). */
  readonly key: string;
  /** In bytes; `undefined` for deletions. */
  readonly size: number | undefined;
  /** E.g. `ObjectCreated:Put`, `ObjectRemoved:Delete`. */
  readonly eventName: string;
}

/**
 * S3 event notifications; an error is thrown, so Lambda retries the invocation asynchronously.
 */
export const s3Trigger: EventTriggerDefinition<S3Event, void> = {
  kind: 'event',
  source: 's3',
  handle: async (event, invocation, [method]) => {
    for (const record of event.Records ?? []) {
      await method!.run(
        withPayload(invocation, record, decodeS3Record(record)),
      );
    }
  },
};

/** An S3 record as `@Body()` gets it: bucket, URL-decoded key, size and event name. */
export function decodeS3Record(record: S3EventRecord): S3ObjectEvent {
  return {
    bucket: record.s3.bucket.name,
    key: decodeKey(record.s3.object.key),
    size: record.s3.object.size,
    eventName: record.eventName,
  };
}

function decodeKey(key: string): string {
  const spaced = key.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
