import {
  createTestingHandler,
  lambdaContext,
  sqsEvent,
} from '@create-nest-lambda/runtime/testing';
import { Logger } from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorrelationId } from '../../src/correlation/correlation-id.provider.js';
import { handler } from '../../src/functions/order-events.function.js';
import { OrderEventsHandler } from '../../src/order-events/order-events.handler.js';
import { OrderEventsModule } from '../../src/order-events/order-events.module.js';

const placed = { orderId: 'ord-1', customerId: 'cust-1', total: 42.5 };

describe('order-events function', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reports only the record whose body fails validation', async () => {
    const event = sqsEvent({
      records: [{ body: placed }, { body: 'Test message.' }],
    });

    expect(await handler(event, lambdaContext('order-events'))).toEqual({
      batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }],
    });
  });

  it('accepts a batch of valid messages', async () => {
    const event = sqsEvent({ records: [{ body: placed }, { body: placed }] });

    expect(await handler(event, lambdaContext('order-events'))).toEqual({
      batchItemFailures: [],
    });
  });

  it('runs with a provider replaced, through the test kit', async () => {
    const log = vi
      .spyOn(Logger.prototype, 'log')
      .mockImplementation(() => undefined);
    const testing = await createTestingHandler(OrderEventsModule, {
      trigger: 'sqs',
      handler: OrderEventsHandler,
      overrides: [{ provide: CorrelationId, useValue: { value: 'corr-test' } }],
    });

    expect(await testing(sqsEvent({ body: placed }))).toEqual({
      batchItemFailures: [],
    });
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('(correlation corr-test)'),
    );
    await testing.close();
  });
});
