import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { BatchSource } from '../../src/batch/batch.types.js';
import { processFifo } from '../../src/batch/fifo-batch.processor.js';
import { processInParallel } from '../../src/batch/parallel-batch.processor.js';
import { processInOrderUntilFailure } from '../../src/batch/stream-batch.processor.js';
import { SqsFifoMessageGroupShortCircuitError } from '../../src/errors.js';
import { records } from '../support/events.js';

/** A batch source over real SQS records that fails the ids in `failing` and logs what ran. */
function source(ids: string[], failing: string[], groups: string[] = []) {
  const log: string[] = [];
  const reported: Array<[string, unknown]> = [];
  const batch: BatchSource<SQSRecord> = {
    records: records<SQSRecord>('sqs-base', ids.length, (record, index) => {
      record.messageId = ids[index]!;
      if (groups[index]) record.attributes.MessageGroupId = groups[index];
    }),
    identify: (record) => record.messageId,
    run: async (record) => {
      log.push(`start:${record.messageId}`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`end:${record.messageId}`);
      if (failing.includes(record.messageId)) throw new Error(record.messageId);
    },
    reportFailure: (id, error) => reported.push([id, error]),
  };
  return { batch, log, reported };
}

describe('processInParallel (standard SQS)', () => {
  it('runs every record concurrently and reports each failure', async () => {
    const { batch, log, reported } = source(['a', 'b', 'c'], ['a', 'c']);
    expect(await processInParallel(batch)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'a' }, { itemIdentifier: 'c' }],
    });
    expect(log.slice(0, 3)).toEqual(['start:a', 'start:b', 'start:c']);
    expect(reported.map(([id]) => id)).toEqual(['a', 'c']);
  });
});

describe('processInOrderUntilFailure (Kinesis, DynamoDB Streams)', () => {
  it('runs records one at a time and stops at the first failure', async () => {
    const { batch, log, reported } = source(['1', '2', '3'], ['2']);
    expect(await processInOrderUntilFailure(batch)).toEqual({
      batchItemFailures: [{ itemIdentifier: '2' }],
    });
    expect(log).toEqual(['start:1', 'end:1', 'start:2', 'end:2']);
    expect(reported).toHaveLength(1);
  });
});

describe('processFifo (SQS FIFO)', () => {
  it('skips the rest of a failed group with a named error, in order, and goes on with others', async () => {
    const { batch, log, reported } = source(
      ['a1', 'b1', 'a2', 'b2'],
      ['a1'],
      ['A', 'B', 'A', 'B'],
    );
    expect(await processFifo(batch)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'a1' }, { itemIdentifier: 'a2' }],
    });
    expect(log).toEqual([
      'start:a1',
      'end:a1',
      'start:b1',
      'end:b1',
      'start:b2',
      'end:b2',
    ]);
    const skipped = reported[1]![1];
    expect(skipped).toBeInstanceOf(SqsFifoMessageGroupShortCircuitError);
    expect(skipped).toMatchObject({
      name: 'SqsFifoMessageGroupShortCircuitError',
      messageGroupId: 'A',
    });
  });
});
