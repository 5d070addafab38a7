import 'reflect-metadata';
import { Body, Inject, Injectable, Module, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  LambdaHandler,
  type LambdaInvocation,
  OnSqsMessage,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';

const INVOCATIONS = 100_000;
const MAX_GROWTH = 5 * 1024 * 1024;

@Injectable({ scope: Scope.REQUEST })
class Tenant {
  // Some weight per instance, so that a leak of instances shows.
  readonly scratch = Array.from({ length: 64 }, () => 0);
  constructor(
    @Inject(REQUEST) readonly invocation: LambdaInvocation<SQSEvent, SQSRecord>,
  ) {}
}

@Injectable()
class Counter {
  count = 0;
}

@LambdaHandler()
class TenantHandler {
  constructor(
    private readonly tenant: Tenant,
    private readonly counter: Counter,
  ) {}

  @OnSqsMessage()
  handle(@Body() body: { message: string }) {
    if (this.tenant.invocation.body === body) this.counter.count += 1;
  }
}

@Module({ providers: [Tenant, Counter, TenantHandler] })
class AppModule {}

const gc = (globalThis as { gc?: () => void }).gc;

function settledHeap(): number {
  for (let i = 0; i < 5; i++) gc!();
  return process.memoryUsage().heapUsed;
}

describe('memory', () => {
  it.skipIf(!gc)(
    `${INVOCATIONS.toLocaleString('en')} invocations of a request-scoped handler leave the heap as it was`,
    async () => {
      const handler = await createHandler(AppModule, {
        trigger: 'sqs',
        handler: TenantHandler,
        logger: false,
      });
      const event = fixture<SQSEvent>('sqs-base', (e) => {
        e.Records = e.Records.slice(1);
      });
      const context = lambdaContext();
      const run = async (count: number) => {
        // 100 in flight at a time, as concurrent invocations would be.
        for (let done = 0; done < count; done += 100) {
          await Promise.all(
            Array.from({ length: 100 }, () => handler(event, context)),
          );
        }
      };
      await run(5_000);
      const before = settledHeap();
      await run(INVOCATIONS);
      const after = settledHeap();
      expect(handler.app.get(Counter).count).toBe(5_000 + INVOCATIONS);
      console.info(
        `heap growth after ${INVOCATIONS} invocations: ${((after - before) / 1024).toFixed(0)} KiB`,
      );
      expect(after - before).toBeLessThan(MAX_GROWTH);
      await handler.app.close();
    },
  );

  it('runs with global.gc() (the "memory" vitest project passes --expose-gc)', () => {
    expect(
      gc,
      'run this file through the "memory" project of vitest.config.ts',
    ).toBeTypeOf('function');
  });
});
