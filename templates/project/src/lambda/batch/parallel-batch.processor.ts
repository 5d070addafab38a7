// Standard SQS queues with ReportBatchItemFailures
// (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html): records run
// concurrently and independently; each failed one is reported by message id and redelivered
// alone, the others are deleted. Powertools' BatchProcessor does the same by default.
import type { BatchResponse, BatchSource } from './batch.types.js';

export async function processInParallel<TRecord>(
  source: BatchSource<TRecord>,
): Promise<BatchResponse> {
  const outcomes = await Promise.allSettled(
    source.records.map((record) => source.run(record)),
  );
  const batchItemFailures: BatchResponse['batchItemFailures'] = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'rejected') {
      const itemIdentifier = source.identify(source.records[index]!);
      source.reportFailure(itemIdentifier, outcome.reason);
      batchItemFailures.push({ itemIdentifier });
    }
  });
  return { batchItemFailures };
}
