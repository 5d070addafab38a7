import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { isOrderLine, priceOrder } from '../scenario/order-logic.js';

/** The floor: the same logic for each record, no framework, failures reported per record. */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const order: unknown = JSON.parse(record.body);
      if (!isOrderLine(order)) throw new TypeError('not an order line');
      priceOrder(order);
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
