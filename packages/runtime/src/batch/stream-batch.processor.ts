// Kinesis and DynamoDB streams with ReportBatchItemFailures
// (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-batchfailurereporting.html): Lambda
// checkpoints before the lowest sequence number reported and retries the batch from there, so
// every record after a failure is delivered again anyway. Records therefore run one at a time,
// in order, and processing stops at the first failure: only its sequence number is reported, and
// the records after it are neither run twice nor run before the one they follow (per-key order
// holds). Powertools runs them all and reports every failure, which Lambda reduces to the same
// checkpoint.
import type { BatchResponse, BatchSource } from './batch.types.js';

/**
 * Runs a stream's records one at a time and stops at the first failure, which it reports: Kinesis
 * and DynamoDB Streams retry from that record, so the ones after it must not run yet.
 */
export async function processInOrderUntilFailure<TRecord>(
  source: BatchSource<TRecord>,
): Promise<BatchResponse> {
  for (const record of source.records) {
    try {
      await source.run(record);
    } catch (error) {
      const itemIdentifier = source.identify(record);
      source.reportFailure(itemIdentifier, error);
      return { batchItemFailures: [{ itemIdentifier }] };
    }
  }
  return { batchItemFailures: [] };
}
