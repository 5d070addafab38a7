import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { handler } from '../../src/functions/order-events.function.js';
import { lambdaContext } from '../support/lambda-context.js';

// A real SQS batch: the first record is a valid "order placed" message, the second is not.
const sample = JSON.parse(
  readFileSync(new URL('../events/order-events.json', import.meta.url), 'utf8'),
) as SQSEvent;

async function invoke(event: SQSEvent): Promise<SQSBatchResponse> {
  return (await handler(
    event,
    lambdaContext('order-events'),
  )) as SQSBatchResponse;
}

describe('order-events function', () => {
  it('reports only the record whose body fails validation', async () => {
    expect(await invoke(sample)).toEqual({
      batchItemFailures: [{ itemIdentifier: sample.Records[1].messageId }],
    });
  });

  it('accepts a batch of valid messages', async () => {
    const valid = { ...sample, Records: [sample.Records[0]] };

    expect(await invoke(valid)).toEqual({ batchItemFailures: [] });
  });
});
