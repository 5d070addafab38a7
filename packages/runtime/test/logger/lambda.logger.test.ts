import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Body, Injectable, Logger, Module } from '@nestjs/common';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHandler,
  InvocationContext,
  LambdaHandler,
  LambdaLogger,
  OnInvoke,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';

@Injectable()
class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  async store(id: string, delay: number) {
    await sleep(delay);
    this.logger.log(`order ${id} stored`);
  }
}

@LambdaHandler()
class OrdersHandler {
  constructor(private readonly orders: OrdersService) {}

  @OnInvoke()
  async handle(@Body() body: { id: string; delay: number }) {
    await this.orders.store(body.id, body.delay);
  }
}

@Module({ providers: [OrdersService, OrdersHandler] })
class AppModule {}

describe('LambdaLogger', () => {
  let lines: string[];

  beforeEach(() => {
    lines = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation(
        (chunk: string | Uint8Array) => {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          return true;
        },
      );
    }
  });
  afterEach(() => vi.restoreAllMocks());

  const parsed = () =>
    lines.map((line) => JSON.parse(line) as { [key: string]: unknown });

  it('is the default logger: one JSON object per line, with request id and cold_start', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: OrdersHandler,
    });
    await handler(
      { id: 'A', delay: 0 },
      lambdaContext({ awsRequestId: 'req-cold' }),
    );
    await handler(
      { id: 'B', delay: 0 },
      lambdaContext({ awsRequestId: 'req-warm' }),
    );

    const entries = parsed(); // throws unless every line is one JSON object
    const stored = entries.filter((entry) => entry.context === 'OrdersService');
    expect(stored).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'order A stored',
        cold_start: true,
        function_request_id: 'req-cold',
        function_name: 'orders-service-api',
      }),
      expect.objectContaining({
        message: 'order B stored',
        cold_start: false,
        function_request_id: 'req-warm',
      }),
    ]);
    await handler.app.close();
  });

  it("writes Nest's startup lines at DEBUG, so a cold start logs only what the function logs", async () => {
    const quiet = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: OrdersHandler,
    });
    await quiet({ id: 'A', delay: 0 }, lambdaContext());
    expect(parsed().map((entry) => entry.context)).toEqual(['OrdersService']);
    await quiet.app.close();

    lines = [];
    const verbose = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: OrdersHandler,
      logger: ['debug', 'log', 'warn', 'error', 'fatal'],
    });
    const startup = parsed();
    expect(startup).toContainEqual(
      expect.objectContaining({
        level: 'DEBUG',
        context: 'NestFactory',
        message: 'Starting Nest application...',
        cold_start: true,
      }),
    );
    expect(startup).toContainEqual(
      expect.objectContaining({
        level: 'DEBUG',
        context: 'InstanceLoader',
        message: 'AppModule dependencies initialized',
      }),
    );
    await verbose.app.close();
  });

  it('stamps each line with the request id of its own invocation when they run concurrently', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: OrdersHandler,
    });
    await Promise.all(
      [30, 0, 15].map((delay, index) =>
        handler(
          { id: `o-${index}`, delay },
          lambdaContext({ awsRequestId: `req-${index}` }),
        ),
      ),
    );
    const stored = parsed().filter(
      (entry) => entry.context === 'OrdersService',
    );
    expect(
      stored.map((entry) => [entry.message, entry.function_request_id]),
    ).toEqual([
      ['order o-1 stored', 'req-1'],
      ['order o-2 stored', 'req-2'],
      ['order o-0 stored', 'req-0'],
    ]);
    await handler.app.close();
  });

  it('logs errors with their stack, and objects as attributes', () => {
    const logger = new LambdaLogger(new InvocationContext());
    logger.error(new Error('boom'), 'Payments');
    logger.error(
      'charge failed',
      'Error: charge failed\n    at charge (payments.ts:1:1)',
      'Payments',
    );
    logger.warn(
      { message: 'slow', durationMs: 1200, level: 'ignored' },
      'Payments',
    );
    const [error, withStack, warn] = parsed();
    expect(error).toMatchObject({
      level: 'ERROR',
      message: 'boom',
      context: 'Payments',
      error: { name: 'Error', message: 'boom' },
    });
    expect(withStack).toMatchObject({
      message: 'charge failed',
      stack: expect.stringContaining('at charge'),
    });
    expect(warn).toMatchObject({
      level: 'WARN',
      message: 'slow',
      durationMs: 1200,
    });
  });

  it('maps Nest log levels to the Powertools threshold', () => {
    const logger = new LambdaLogger(new InvocationContext());
    logger.debug('hidden by default');
    logger.setLogLevels(['debug', 'log', 'warn', 'error', 'fatal']);
    logger.debug('shown');
    logger.verbose('still hidden');
    logger.setLogLevels(['error']);
    logger.log('hidden again');
    logger.fatal('fatal');
    expect(parsed().map((entry) => [entry.level, entry.message])).toEqual([
      ['DEBUG', 'shown'],
      ['CRITICAL', 'fatal'],
    ]);
  });
});
