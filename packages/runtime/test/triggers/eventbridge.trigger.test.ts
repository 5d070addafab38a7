import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import type { EventBridgeEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  Event,
  LambdaHandler,
  LambdaHandlerDefinitionError,
  OnEventBridge,
  UnhandledEventError,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';

type Ec2Event = EventBridgeEvent<
  string,
  { instance_id: string; state: string }
>;

@LambdaHandler()
class InstancesHandler {
  readonly seen: unknown[] = [];

  @OnEventBridge('EC2 Instance State-change Notification')
  stateChanged(@Body() detail: Ec2Event['detail'], @Event() event: Ec2Event) {
    if (detail.state === 'exploded') throw new Error('unexpected state');
    this.seen.push({ method: 'stateChanged', detail, source: event.source });
  }

  @OnEventBridge('OrderPlaced', 'OrderUpdated')
  orders(@Body() detail: unknown) {
    this.seen.push({ method: 'orders', detail });
  }
}

@LambdaHandler()
class CatchAllHandler {
  readonly seen: unknown[] = [];

  @OnEventBridge()
  any(@Body('state') state: string) {
    this.seen.push(state);
  }
}

@LambdaHandler()
class AmbiguousHandler {
  @OnEventBridge()
  one() {}

  @OnEventBridge()
  two() {}
}

@Module({ providers: [InstancesHandler, CatchAllHandler, AmbiguousHandler] })
class AppModule {}

describe('eventbridge trigger', () => {
  it('gives the detail of the real fixture to the method of its detail type', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'eventbridge',
      handler: InstancesHandler,
      logger: false,
    });
    await handler(fixture('eventbridge-base'), lambdaContext());
    await handler(
      fixture<Ec2Event>('eventbridge-base', (e) => {
        e['detail-type'] = 'OrderUpdated';
        e.detail = { instance_id: 'o-1', state: 'paid' };
      }),
      lambdaContext(),
    );
    expect(handler.app.get(InstancesHandler).seen).toEqual([
      {
        method: 'stateChanged',
        detail: { instance_id: 'i-1234567890abcdef0', state: 'terminated' },
        source: 'aws.ec2',
      },
      { method: 'orders', detail: { instance_id: 'o-1', state: 'paid' } },
    ]);
    await handler.app.close();
  });

  it('throws UnhandledEventError for a detail type no method takes', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'eventbridge',
      handler: InstancesHandler,
      logger: false,
    });
    const event = fixture<Ec2Event>('eventbridge-base', (e) => {
      e['detail-type'] = 'Something Else';
    });
    await expect(handler(event, lambdaContext())).rejects.toThrow(
      UnhandledEventError,
    );
    await handler.app.close();
  });

  it('sends every detail type to a method without one', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'eventbridge',
      handler: CatchAllHandler,
      logger: false,
    });
    await handler(fixture('eventbridge-base'), lambdaContext());
    expect(handler.app.get(CatchAllHandler).seen).toEqual(['terminated']);
    await handler.app.close();
  });

  it('throws errors, so that EventBridge retries', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'eventbridge',
      handler: InstancesHandler,
      logger: false,
    });
    const event = fixture<Ec2Event>('eventbridge-base', (e) => {
      e.detail.state = 'exploded';
    });
    await expect(handler(event, lambdaContext())).rejects.toThrow(
      'unexpected state',
    );
    await handler.app.close();
  });

  it('refuses two methods for the same detail type at startup', async () => {
    await expect(
      createHandler(AppModule, {
        trigger: 'eventbridge',
        handler: AmbiguousHandler,
        logger: false,
      }),
    ).rejects.toThrow(
      new LambdaHandlerDefinitionError(
        'Two @OnEventBridge() methods without a detail type.',
      ),
    );
  });
});
