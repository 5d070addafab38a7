import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  Event,
  LambdaContext,
  LambdaHandler,
  OnSqsMessage,
  Record as LambdaRecord,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture, records } from '../support/events.js';
import { recordingLogger } from '../support/logs.js';

@LambdaHandler()
class OrderEventsHandler {
  readonly seen: unknown[] = [];

  @OnSqsMessage()
  handle(
    @Body() body: unknown,
    @LambdaRecord() record: SQSRecord,
    @Event() event: SQSEvent,
  ) {
    if (body === 'fail') throw new Error(`cannot take ${record.messageId}`);
    this.seen.push({
      body,
      messageId: record.messageId,
      records: event.Records.length,
    });
  }
}

@LambdaHandler()
class SnsFanOutHandler {
  readonly seen: unknown[] = [];

  @OnSqsMessage({ unwrapSns: true })
  handle(
    @Body() body: unknown,
    @LambdaContext() context: { awsRequestId: string },
  ) {
    this.seen.push({ body, requestId: context.awsRequestId });
  }
}

@Module({ providers: [OrderEventsHandler, SnsFanOutHandler] })
class AppModule {}

describe('sqs trigger', () => {
  it('decodes the real fixture: text bodies as strings, JSON bodies parsed', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: OrderEventsHandler,
      logger: false,
    });
    const result = await handler(fixture('sqs-base'), lambdaContext());
    expect(result).toEqual({ batchItemFailures: [] });
    expect(handler.app.get(OrderEventsHandler).seen).toEqual([
      {
        body: 'Test message.',
        messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
        records: 2,
      },
      {
        body: { message: 'foo1' },
        messageId: '2e1424d4-f796-459a-8184-9c92662be6da',
        records: 2,
      },
    ]);
    await handler.app.close();
  });

  it('reports failed records by message id, logs them with the request id, and runs the others', async () => {
    const { logger, errors } = recordingLogger();
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: OrderEventsHandler,
      logger,
    });
    const event: SQSEvent = {
      Records: records<SQSRecord>('sqs-base', 4, (record, index) => {
        record.messageId = `m-${index}`;
        record.body = index % 2 === 0 ? 'fail' : `{"n":${index}}`;
      }),
    };
    const result = await handler(
      event,
      lambdaContext({ awsRequestId: 'req-42' }),
    );
    expect(result).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-0' }, { itemIdentifier: 'm-2' }],
    });
    expect(handler.app.get(OrderEventsHandler).seen).toEqual([
      { body: { n: 1 }, messageId: 'm-1', records: 4 },
      { body: { n: 3 }, messageId: 'm-3', records: 4 },
    ]);
    expect(errors).toContain(
      'Record m-0 of sqs request req-42 failed: Error: cannot take m-0',
    );
    expect(errors).toContain(
      'Record m-2 of sqs request req-42 failed: Error: cannot take m-2',
    );
    await handler.app.close();
  });

  it('unwraps an SNS notification from the body when asked (real fixture)', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: SnsFanOutHandler,
      logger: false,
    });
    const result = await handler(
      fixture('sqs-sns-body'),
      lambdaContext({ awsRequestId: 'r-1' }),
    );
    expect(result.batchItemFailures).toEqual([]);
    expect(handler.app.get(SnsFanOutHandler).seen).toEqual([
      { body: { message: 'hello world' }, requestId: 'r-1' },
    ]);
    await handler.app.close();
  });

  it('fails a record whose body is no SNS notification when unwrapping', async () => {
    const { logger, errors } = recordingLogger();
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: SnsFanOutHandler,
      logger,
    });
    const result = await handler(
      fixture('sqs-base'),
      lambdaContext({ awsRequestId: 'r-2' }),
    );
    expect(result.batchItemFailures).toHaveLength(2);
    expect(errors[0]).toMatch(
      /SnsEnvelopeError: Message 059f36b4-.* does not hold an SNS notification/,
    );
    await handler.app.close();
  });

  it('answers an empty batch with no failures', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: OrderEventsHandler,
      logger: false,
    });
    expect(await handler({ Records: [] }, lambdaContext())).toEqual({
      batchItemFailures: [],
    });
    await handler.app.close();
  });
});
