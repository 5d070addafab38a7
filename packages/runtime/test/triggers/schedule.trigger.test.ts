import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler, LambdaHandler, OnSchedule } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';

// A scheduled event is an EventBridge event from aws.events: the real fixture, overridden.
const scheduled = (): ScheduledEvent =>
  fixture<ScheduledEvent>('eventbridge-base', (e) => {
    e['detail-type'] = 'Scheduled Event';
    e.source = 'aws.events';
    e.resources = ['arn:aws:events:us-west-1:111122223333:rule/nightly'];
    e.detail = {};
  });

@LambdaHandler()
class NightlyHandler {
  readonly seen: ScheduledEvent[] = [];
  fail = false;

  @OnSchedule()
  run(@Body() event: ScheduledEvent) {
    if (this.fail) throw new Error('report failed');
    this.seen.push(event);
  }
}

@Module({ providers: [NightlyHandler] })
class AppModule {}

describe('schedule trigger', () => {
  it('gives the whole scheduled event as the body', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'schedule',
      handler: NightlyHandler,
      logger: false,
    });
    const event = scheduled();
    await expect(handler(event, lambdaContext())).resolves.toBeUndefined();
    expect(handler.app.get(NightlyHandler).seen).toEqual([event]);
    await handler.app.close();
  });

  it('throws errors', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'schedule',
      handler: NightlyHandler,
      logger: false,
    });
    handler.app.get(NightlyHandler).fail = true;
    await expect(handler(scheduled(), lambdaContext())).rejects.toThrow(
      'report failed',
    );
    await handler.app.close();
  });
});
