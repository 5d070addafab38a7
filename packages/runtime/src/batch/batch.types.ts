import type { SQSBatchResponse } from 'aws-lambda';

/** SQS, Kinesis and DynamoDB batch responses have the same shape; SQSBatchResponse names it. */
export type BatchResponse = SQSBatchResponse;

/** How a batch processor identifies, runs and reports the records of one trigger. */
export interface BatchSource<TRecord> {
  readonly records: readonly TRecord[];
  // `itemIdentifier` of a record: the SQS message id, or the stream sequence number.
  identify(record: TRecord): string;
  // Decodes and runs one record; rejects when it fails.
  run(record: TRecord): Promise<unknown>;
  // Logs a failed or skipped record, with its identifier.
  reportFailure(itemIdentifier: string, error: unknown): void;
}
