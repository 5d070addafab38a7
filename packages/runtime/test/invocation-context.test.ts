import 'reflect-metadata';
import { Body, Controller, Get, Injectable, Module } from '@nestjs/common';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  InvocationContext,
  LambdaHandler,
  OnSqsMessage,
} from '../src/index.js';
import { lambdaContext } from './support/context.js';
import { fixture } from './support/events.js';
import { httpApiEvent } from './support/http-events.js';

/** A singleton that reads the current invocation. */
@Injectable()
class Snapshot {
  readonly taken: unknown[] = [];
  constructor(readonly invocation: InvocationContext) {}

  take(label: string) {
    const { invocation } = this;
    this.taken.push({
      label,
      requestId: invocation.requestId,
      functionName: invocation.functionName,
      remainingTimeMs: invocation.remainingTimeMs,
      trigger: invocation.trigger,
      hasEvent: invocation.event !== undefined,
      messageId: (invocation.record as SQSRecord | undefined)?.messageId,
      coldStart: invocation.coldStart,
    });
  }
}

@LambdaHandler()
class Handler {
  constructor(private readonly snapshot: Snapshot) {}

  @OnSqsMessage()
  handle(@Body() body: unknown) {
    this.snapshot.take(typeof body);
  }
}

@Controller('snap')
class SnapController {
  constructor(private readonly snapshot: Snapshot) {}

  @Get()
  get() {
    this.snapshot.take('http');
    return this.snapshot.taken.at(-1);
  }
}

@Module({ controllers: [SnapController], providers: [Snapshot, Handler] })
class AppModule {}

describe('InvocationContext', () => {
  it('gives singletons the invocation and the record being processed', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: Handler,
      logger: false,
    });
    const snapshot = handler.app.get(Snapshot);
    expect(snapshot.invocation.requestId).toBeUndefined();
    expect(snapshot.invocation.coldStart).toBe(true);

    await handler(
      fixture<SQSEvent>('sqs-base'),
      lambdaContext({
        awsRequestId: 'r-1',
        getRemainingTimeInMillis: () => 1234,
      }),
    );
    await handler(
      fixture<SQSEvent>('sqs-base', (e) => e.Records.splice(1)),
      lambdaContext({ awsRequestId: 'r-2' }),
    );

    const common = {
      functionName: 'orders-service-api',
      trigger: 'sqs',
      hasEvent: true,
    };
    expect(snapshot.taken).toEqual([
      {
        ...common,
        label: 'string',
        requestId: 'r-1',
        remainingTimeMs: 1234,
        messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
        coldStart: true,
      },
      {
        ...common,
        label: 'object',
        requestId: 'r-1',
        remainingTimeMs: 1234,
        messageId: '2e1424d4-f796-459a-8184-9c92662be6da',
        coldStart: true,
      },
      {
        ...common,
        label: 'string',
        requestId: 'r-2',
        remainingTimeMs: 29_000,
        messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
        coldStart: false,
      },
    ]);
    // Outside an invocation again.
    expect(snapshot.invocation.current).toBeUndefined();
    expect(snapshot.invocation.coldStart).toBe(false);
    await handler.app.close();
  });

  it('is entered for HTTP invocations, without a record', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'http-api',
      logger: false,
    });
    const result = await handler(
      httpApiEvent({ url: '/snap' }),
      lambdaContext({ awsRequestId: 'h-1' }),
    );
    expect(JSON.parse(result.body!)).toMatchObject({
      label: 'http',
      requestId: 'h-1',
      trigger: 'http-api',
      hasEvent: true,
      coldStart: true,
    });
    expect(JSON.parse(result.body!).messageId).toBeUndefined();
    await handler.app.close();
  });

  it('can be injected without touching AppModule, through the global LambdaModule', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: Handler,
      logger: false,
    });
    expect(handler.app.get(InvocationContext)).toBe(
      handler.app.get(Snapshot).invocation,
    );
    await handler.app.close();
  });
});
