import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  LambdaHandler,
  OnSqsMessage,
  Record as LambdaRecord,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';
import { AllExceptionsFilter } from '../support/all-exceptions.filter.js';
import { recordingLogger } from '../support/logs.js';

@LambdaHandler()
class OrdersHandler {
  @OnSqsMessage()
  handle(@Body() body: unknown, @LambdaRecord() record: SQSRecord) {
    throw new Error(`order ${record.messageId} is broken (${String(body)})`);
  }
}

@Module({
  providers: [
    OrdersHandler,
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
  ],
})
class SharedModule {}

describe("the docs' AllExceptionsFilter in a module shared with event handlers", () => {
  it('leaves the real error to the log and the batch report', async () => {
    const { logger, errors } = recordingLogger();
    const handler = await createHandler(SharedModule, {
      trigger: 'sqs',
      handler: OrdersHandler,
      logger,
    });
    const event = fixture<{ Records: SQSRecord[] }>('sqs-base');
    const result = await handler(event as never, lambdaContext());
    expect(result).toEqual({
      batchItemFailures: event.Records.map((record) => ({
        itemIdentifier: record.messageId,
      })),
    });
    const log = errors.join('\n');
    expect(log).toContain(`order ${event.Records[0]!.messageId} is broken`);
    expect(log).not.toMatch(/reading 'reply'|reading 'getRequestUrl'/);
    await handler.app.close();
  });
});
