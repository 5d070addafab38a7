import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import type { SNSEvent, SNSEventRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  LambdaHandler,
  OnSnsMessage,
  Record as LambdaRecord,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';

@LambdaHandler()
class AlertsHandler {
  readonly seen: unknown[] = [];

  @OnSnsMessage()
  handle(@Body() body: unknown, @LambdaRecord() record: SNSEventRecord) {
    if (body === 'explode') throw new Error('alert lost');
    this.seen.push({ body, subject: record.Sns.Subject });
  }
}

@Module({ providers: [AlertsHandler] })
class AppModule {}

describe('sns trigger', () => {
  it('decodes the real fixture: Message as a string', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sns',
      handler: AlertsHandler,
      logger: false,
    });
    await expect(
      handler(fixture('sns-base'), lambdaContext()),
    ).resolves.toBeUndefined();
    expect(handler.app.get(AlertsHandler).seen).toEqual([
      { body: 'Hello from SNS!', subject: 'TestInvoke' },
    ]);
    await handler.app.close();
  });

  it('parses JSON messages', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sns',
      handler: AlertsHandler,
      logger: false,
    });
    const event = fixture<SNSEvent>('sns-base', (e) => {
      e.Records[0]!.Sns.Message = '{"level":"high"}';
    });
    await handler(event, lambdaContext());
    expect(handler.app.get(AlertsHandler).seen).toEqual([
      { body: { level: 'high' }, subject: 'TestInvoke' },
    ]);
    await handler.app.close();
  });

  it('throws the error, so that Lambda retries', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sns',
      handler: AlertsHandler,
      logger: false,
    });
    const event = fixture<SNSEvent>('sns-base', (e) => {
      e.Records[0]!.Sns.Message = 'explode';
    });
    await expect(handler(event, lambdaContext())).rejects.toThrow('alert lost');
    await handler.app.close();
  });
});
