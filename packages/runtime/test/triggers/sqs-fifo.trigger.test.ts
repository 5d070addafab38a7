import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler, LambdaHandler, OnSqsMessage } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { records } from '../support/events.js';
import { recordingLogger } from '../support/logs.js';

@LambdaHandler()
class LedgerHandler {
  readonly ran: string[] = [];

  @OnSqsMessage()
  handle(@Body() body: { id: string; fail?: boolean }) {
    this.ran.push(body.id);
    if (body.fail) throw new Error(`rejected ${body.id}`);
  }
}

@Module({ providers: [LedgerHandler] })
class AppModule {}

// Clones of the real SQS record, as a FIFO queue delivers them (group id in the attributes).
const fifoBatch = (
  messages: Array<[group: string, id: string, fail?: boolean]>,
): SQSEvent => ({
  Records: records<SQSRecord>('sqs-base', messages.length, (record, index) => {
    const [group, id, fail] = messages[index]!;
    record.messageId = id;
    record.body = JSON.stringify({ id, fail });
    record.attributes.MessageGroupId = group;
    record.eventSourceARN = 'arn:aws:sqs:us-east-2:123456789012:ledger.fifo';
  }),
});

describe('sqs-fifo trigger', () => {
  it('stops a message group at its first failure while other groups go on', async () => {
    const { logger, failures } = recordingLogger();
    const handler = await createHandler(AppModule, {
      trigger: 'sqs-fifo',
      handler: LedgerHandler,
      logger,
    });
    const result = await handler(
      fifoBatch([
        ['A', 'a1'],
        ['B', 'b1'],
        ['A', 'a2', true],
        ['B', 'b2'],
        ['A', 'a3'],
        ['C', 'c1'],
        ['A', 'a4'],
      ]),
      lambdaContext({ awsRequestId: 'req-fifo' }),
    );
    expect(result).toEqual({
      batchItemFailures: [
        { itemIdentifier: 'a2' },
        { itemIdentifier: 'a3' },
        { itemIdentifier: 'a4' },
      ],
    });
    // In order, one at a time; a3 and a4 never ran.
    expect(handler.app.get(LedgerHandler).ran).toEqual([
      'a1',
      'b1',
      'a2',
      'b2',
      'c1',
    ]);
    expect(failures()).toEqual([
      'Record a2 of sqs-fifo request req-fifo failed: Error: rejected a2',
      'Record a3 of sqs-fifo request req-fifo failed: SqsFifoMessageGroupShortCircuitError: Skipped: an earlier message of group "A" failed in this batch.',
      'Record a4 of sqs-fifo request req-fifo failed: SqsFifoMessageGroupShortCircuitError: Skipped: an earlier message of group "A" failed in this batch.',
    ]);
    await handler.app.close();
  });

  it('reports nothing when every record succeeds', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs-fifo',
      handler: LedgerHandler,
      logger: false,
    });
    const result = await handler(
      fifoBatch([
        ['A', 'a1'],
        ['A', 'a2'],
      ]),
      lambdaContext(),
    );
    expect(result).toEqual({ batchItemFailures: [] });
    await handler.app.close();
  });
});
