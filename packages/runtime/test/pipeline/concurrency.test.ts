import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Body, Controller, Get, Injectable, Module } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  InvocationContext,
  LambdaHandler,
  OnSqsMessage,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent } from '../support/http-events.js';
import { tenantBatch, TenantContext } from '../support/tenant.js';

const IN_FLIGHT = 1_000;

/** A singleton that reads the invocation through AsyncLocalStorage. */
@Injectable()
class RequestIds {
  constructor(private readonly invocation: InvocationContext) {}
  current() {
    return this.invocation.requestId;
  }
}

// Every call awaits a random delay twice, so that the invocations interleave.
const jitter = () => sleep(Math.floor(Math.random() * 5));

@Controller('whoami')
class WhoAmIController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly ids: RequestIds,
  ) {}

  @Get()
  async get() {
    await jitter();
    const before = this.tenant.tenant;
    await jitter();
    return { tenant: before, requestId: this.ids.current() };
  }
}

@Injectable()
class Seen {
  readonly byTenant = new Map<string, unknown>();
}

@LambdaHandler()
class TenantEventsHandler {
  constructor(
    private readonly seen: Seen,
    private readonly tenant: TenantContext,
    private readonly ids: RequestIds,
  ) {}

  @OnSqsMessage()
  async handle(@Body() body: { expected: string }) {
    await jitter();
    const tenant = this.tenant.tenant;
    await jitter();
    this.seen.byTenant.set(body.expected, {
      tenant,
      requestId: this.ids.current(),
    });
  }
}

@Module({
  controllers: [WhoAmIController],
  providers: [TenantContext, RequestIds, Seen, TenantEventsHandler],
})
class AppModule {}

describe(`${IN_FLIGHT} invocations in flight in one process`, () => {
  it('HTTP: each sees only its own tenant and request id', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'http-api',
      logger: false,
    });
    const results = await Promise.all(
      Array.from({ length: IN_FLIGHT }, (_, index) =>
        handler(
          httpApiEvent({
            url: '/whoami',
            headers: { 'x-tenant-id': `tenant-${index}` },
          }),
          lambdaContext({ awsRequestId: `request-of-${index}` }),
        ),
      ),
    );
    results.forEach((result, index) => {
      expect(JSON.parse(result.body!)).toEqual({
        tenant: `tenant-${index}`,
        requestId: `request-of-${index}`,
      });
    });
    await handler.app.close();
  });

  it("SQS: each record sees only its own tenant and its invocation's request id", async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: TenantEventsHandler,
      logger: false,
    });
    // 1,000 invocations of two records each, all in flight together.
    const results = await Promise.all(
      Array.from({ length: IN_FLIGHT }, (_, index) => {
        const tenants = [0, 1].map((position) => `tenant-${index}-${position}`);
        const event = tenantBatch(tenants, (record, position) => {
          record.messageId = tenants[position]!;
          record.body = JSON.stringify({ expected: tenants[position] });
        });
        return handler(
          event,
          lambdaContext({ awsRequestId: `request-of-${index}` }),
        );
      }),
    );
    expect(
      results.every((result) => result.batchItemFailures.length === 0),
    ).toBe(true);
    const seen = handler.app.get(Seen).byTenant;
    expect(seen.size).toBe(2 * IN_FLIGHT);
    for (let index = 0; index < IN_FLIGHT; index++) {
      for (const position of [0, 1]) {
        const tenant = `tenant-${index}-${position}`;
        expect(seen.get(tenant)).toEqual({
          tenant,
          requestId: `request-of-${index}`,
        });
      }
    }
    await handler.app.close();
  });
});
