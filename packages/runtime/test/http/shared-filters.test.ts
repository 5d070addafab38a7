import 'reflect-metadata';
import {
  type ArgumentsHost,
  Body,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Module,
} from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
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
import { recordingLogger } from '../support/logs.js';

/** The catch-all filter of Nest's exception-filters page, verbatim. */
@Catch()
class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly httpAdapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const { httpAdapter } = this.httpAdapterHost;
    const ctx = host.switchToHttp();
    const httpStatus =
      exception instanceof HttpException
        ? exception.getStatus()
        : HttpStatus.INTERNAL_SERVER_ERROR;
    const responseBody = {
      statusCode: httpStatus,
      timestamp: new Date().toISOString(),
      path: httpAdapter.getRequestUrl(ctx.getRequest()),
    };
    httpAdapter.reply(ctx.getResponse(), responseBody, httpStatus);
  }
}

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
