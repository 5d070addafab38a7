import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { resolveForRequest } from './seed-context.js';

/**
 * The seed approach for SQS. Each record gets its own sub-tree with the record as REQUEST, as
 * the kit's request-scoped path gives each record its own, so per-record figures compare alike.
 */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const orders = await resolveForRequest(record);
      orders.price(JSON.parse(record.body));
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
