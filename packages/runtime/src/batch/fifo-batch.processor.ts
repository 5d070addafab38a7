// SQS FIFO queues with ReportBatchItemFailures. Order holds per message group: records run one at
// a time, in order; once a record of a group fails, the group's later records in the batch are
// reported failed without running (with SqsFifoMessageGroupShortCircuitError), so SQS redelivers
// the group from the failed record on. Records of other groups go on. This is Powertools'
// SqsFifoPartialProcessor with `skipGroupOnError: true`.
import type { SQSRecord } from 'aws-lambda';
import { SqsFifoMessageGroupShortCircuitError } from '../errors.js';
import type { BatchResponse, BatchSource } from './batch.types.js';

/**
 * Runs a FIFO queue's records in order; after a failure, the rest of that message group is
 * reported failed unprocessed (`SqsFifoMessageGroupShortCircuitError`), so the order within a group
 * holds on redelivery, while other groups go on.
 */
export async function processFifo(
  source: BatchSource<SQSRecord>,
): Promise<BatchResponse> {
  const failedGroups = new Set<string>();
  const batchItemFailures: BatchResponse['batchItemFailures'] = [];
  for (const record of source.records) {
    // Every FIFO message has a group; a record without one is its own group.
    const group = record.attributes?.MessageGroupId ?? record.messageId;
    const itemIdentifier = source.identify(record);
    if (failedGroups.has(group)) {
      source.reportFailure(
        itemIdentifier,
        new SqsFifoMessageGroupShortCircuitError(group),
      );
      batchItemFailures.push({ itemIdentifier });
      continue;
    }
    try {
      await source.run(record);
    } catch (error) {
      failedGroups.add(group);
      source.reportFailure(itemIdentifier, error);
      batchItemFailures.push({ itemIdentifier });
    }
  }
  return { batchItemFailures };
}
