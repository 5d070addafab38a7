import 'reflect-metadata';
import {
  Body,
  type CanActivate,
  Controller,
  Get,
  Injectable,
  Module,
  Scope,
  UseGuards,
} from '@nestjs/common';
import { APP_GUARD, ContextIdFactory } from '@nestjs/core';
import { Injector } from '@nestjs/core/internal';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createHandler,
  LambdaHandler,
  type LambdaInvocation,
  OnSqsMessage,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent } from '../support/http-events.js';
import { tenantBatch, TenantContext } from '../support/tenant.js';

@Injectable()
class Audit {
  readonly lines: string[] = [];
  readonly requests: unknown[] = [];
}

/** Default-scoped, but request-scoped through TenantContext. */
@LambdaHandler()
class ScopedHandler {
  constructor(
    private readonly tenant: TenantContext,
    private readonly audit: Audit,
  ) {}

  @OnSqsMessage()
  handle(@Body() body: { n: number }) {
    this.audit.lines.push(
      `${this.tenant.tenant}:${body.n}:${this.tenant.serial}`,
    );
    const request = this.tenant.request as LambdaInvocation<
      SQSEvent,
      SQSRecord
    >;
    this.audit.requests.push({
      sameBody: request.body === body,
      messageId: request.record?.messageId,
      records: request.event.Records.length,
      requestId: request.context.awsRequestId,
      trigger: request.trigger,
    });
  }
}

@LambdaHandler()
class SingletonHandler {
  constructor(private readonly audit: Audit) {}

  @OnSqsMessage()
  handle(@Body() body: { n: number }) {
    this.audit.lines.push(`singleton:${body.n}`);
  }
}

/** A request-scoped guard: the pipeline itself is built per record. */
@Injectable({ scope: Scope.REQUEST })
class TenantGuard implements CanActivate {
  constructor(private readonly tenant: TenantContext) {}
  canActivate() {
    return this.tenant.tenant !== 'blocked';
  }
}

@LambdaHandler()
@UseGuards(TenantGuard)
class GuardedHandler {
  constructor(private readonly audit: Audit) {}

  @OnSqsMessage()
  handle(@Body() body: { n: number }) {
    this.audit.lines.push(`guarded:${body.n}`);
  }
}

@Controller('tenant')
class TenantController {
  constructor(private readonly tenant: TenantContext) {}

  @Get()
  get() {
    return { tenant: this.tenant.tenant, serial: this.tenant.serial };
  }
}

@Controller('static')
class StaticController {
  @Get()
  get() {
    return 'static';
  }
}

@Module({
  controllers: [TenantController, StaticController],
  providers: [
    TenantContext,
    Audit,
    ScopedHandler,
    SingletonHandler,
    GuardedHandler,
  ],
})
class AppModule {}

const batch = (...tenants: string[]): SQSEvent =>
  tenantBatch(tenants, (record, index) => {
    record.messageId = `m-${index}`;
    record.body = JSON.stringify({ n: index });
  });

describe('request scope', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives each record its own request-scoped providers, with the record as REQUEST', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: ScopedHandler,
      logger: false,
    });
    const audit = handler.app.get(Audit);
    const first = TenantContext.created;
    await handler(batch('acme', 'globex', 'acme'), lambdaContext());
    await handler(batch('initech'), lambdaContext());
    // Records of a standard queue run concurrently: which one's providers Nest builds first is
    // not part of the contract (it differs between Nest 12.1 and 12.5), that each gets its own is.
    const lines = audit.lines.map((line) => line.split(':'));
    expect(lines.map(([tenant, index]) => `${tenant}:${index}`).sort()).toEqual(
      ['acme:0', 'globex:1', 'acme:2', 'initech:0'].sort(),
    );
    expect(
      lines.map(([, , instance]) => Number(instance)).sort((a, b) => a - b),
    ).toEqual([first + 1, first + 2, first + 3, first + 4]);
    // The second invocation's record is built after the whole first batch.
    expect(lines.find(([tenant]) => tenant === 'initech')?.[2]).toBe(
      String(first + 4),
    );
    await handler.app.close();
  });

  it('passes the invocation (event, record, context, decoded body) as REQUEST', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: ScopedHandler,
      logger: false,
    });
    await handler(
      batch('acme', 'globex'),
      lambdaContext({ awsRequestId: 'r-scope' }),
    );
    const requests = [
      ...(handler.app.get(Audit).requests as { messageId: string }[]),
    ].sort((x, y) => (x.messageId < y.messageId ? -1 : 1));
    expect(requests).toEqual([
      {
        sameBody: true,
        messageId: 'm-0',
        records: 2,
        requestId: 'r-scope',
        trigger: 'sqs',
      },
      {
        sameBody: true,
        messageId: 'm-1',
        records: 2,
        requestId: 'r-scope',
        trigger: 'sqs',
      },
    ]);
    await handler.app.close();
  });

  it('creates a context id per record only when the graph needs one', async () => {
    const scoped = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: ScopedHandler,
      logger: false,
    });
    const singleton = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: SingletonHandler,
      logger: false,
    });
    const byRequest = vi.spyOn(ContextIdFactory, 'getByRequest');
    const create = vi.spyOn(ContextIdFactory, 'create');

    await singleton(batch('a', 'b', 'c'), lambdaContext());
    expect(byRequest).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    expect(singleton.app.get(Audit).lines).toEqual([
      'singleton:0',
      'singleton:1',
      'singleton:2',
    ]);

    await scoped(batch('a', 'b', 'c'), lambdaContext());
    expect(byRequest).toHaveBeenCalledTimes(3);
    await scoped.app.close();
    await singleton.app.close();
  });

  it("leaves only the first record to Nest's injector, then builds each sub-tree from the compiled graph", async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: ScopedHandler,
      logger: false,
    });
    const byNest = vi.spyOn(Injector.prototype, 'loadPerContext');
    const first = TenantContext.created;

    await handler(batch('acme'), lambdaContext());
    await handler(batch('globex', 'initech'), lambdaContext());
    await handler(batch('umbrella'), lambdaContext());

    expect(byNest).toHaveBeenCalledTimes(1);
    expect(handler.app.get(Audit).lines.sort()).toEqual(
      [
        `acme:0:${first + 1}`,
        `globex:0:${first + 2}`,
        `initech:1:${first + 3}`,
        `umbrella:0:${first + 4}`,
      ].sort(),
    );
    await handler.app.close();
  });

  it('builds the pipeline per record when an enhancer is request-scoped', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: GuardedHandler,
      logger: false,
    });
    const result = await handler(
      batch('acme', 'blocked', 'globex'),
      lambdaContext(),
    );
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    // Later invocations too: the guard is built in each record's context, with its TenantContext.
    const again = await handler(batch('blocked', 'initech'), lambdaContext());
    expect(again).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-0' }] });
    expect(handler.app.get(Audit).lines.sort()).toEqual([
      'guarded:0',
      'guarded:1',
      'guarded:2',
    ]);
    await handler.app.close();
  });

  it("treats a request-scoped global guard (APP_GUARD) as part of the handler's graph", async () => {
    @Module({
      providers: [
        TenantContext,
        Audit,
        SingletonHandler,
        { provide: APP_GUARD, useClass: TenantGuard },
      ],
    })
    class GlobalGuardModule {}
    const handler = await createHandler(GlobalGuardModule, {
      trigger: 'sqs',
      handler: SingletonHandler,
      logger: false,
    });
    const result = await handler(batch('acme', 'blocked'), lambdaContext());
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    const again = await handler(batch('blocked', 'globex'), lambdaContext());
    expect(again).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-0' }] });
    expect(handler.app.get(Audit).lines).toEqual([
      'singleton:0',
      'singleton:1',
    ]);
    await handler.app.close();
  });

  describe('over HTTP', () => {
    it('gives each invocation its own request-scoped providers, with the request as REQUEST', async () => {
      const handler = await createHandler(AppModule, {
        trigger: 'http-api',
        logger: false,
      });
      const call = async (tenant: string) =>
        JSON.parse(
          (
            await handler(
              httpApiEvent({
                url: '/tenant',
                headers: { 'x-tenant-id': tenant },
              }),
              lambdaContext(),
            )
          ).body!,
        ) as { tenant: string; serial: number };
      const a = await call('acme');
      const b = await call('globex');
      expect([a.tenant, b.tenant]).toEqual(['acme', 'globex']);
      expect(b.serial).toBeGreaterThan(a.serial);
      await handler.app.close();
    });

    it('does no per-invocation DI work for a singleton controller', async () => {
      const handler = await createHandler(AppModule, {
        trigger: 'http-api',
        logger: false,
      });
      const byRequest = vi.spyOn(ContextIdFactory, 'getByRequest');
      const create = vi.spyOn(ContextIdFactory, 'create');
      expect(
        (await handler(httpApiEvent({ url: '/static' }), lambdaContext())).body,
      ).toBe('static');
      expect(byRequest).not.toHaveBeenCalled();
      expect(create).not.toHaveBeenCalled();
      await handler(httpApiEvent({ url: '/tenant' }), lambdaContext());
      expect(byRequest).toHaveBeenCalledTimes(1);
      await handler.app.close();
    });
  });
});
