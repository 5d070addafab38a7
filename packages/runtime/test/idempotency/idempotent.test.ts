import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Body, Module } from '@nestjs/common';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHandler,
  Idempotent,
  LambdaHandler,
  OnInvoke,
  OnSqsMessage,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import {
  startInProcessDynamoDb,
  type LocalDynamoDb,
} from '../support/local-dynamodb.js';
import { fixture, records } from '../support/events.js';
import { recordingLogger } from '../support/logs.js';

interface Order {
  readonly orderId?: string;
  readonly amount: number;
}

// Lets a test hold a run open while another invocation arrives.
class Gate {
  #release!: () => void;
  readonly released = new Promise<void>((resolve) => (this.#release = resolve));
  #entered!: () => void;
  readonly entered = new Promise<void>((resolve) => (this.#entered = resolve));
  enter() {
    this.#entered();
    return this.released;
  }
  open() {
    this.#release();
  }
}

@LambdaHandler()
class OrdersHandler {
  readonly runs: Order[] = [];
  gate: Gate | undefined;
  failNext = false;
  // Keeps a run in progress long enough for the batch's other records to reach DynamoDB.
  delayMs = 0;

  @OnSqsMessage()
  @Idempotent({ key: 'orderId', expiresAfter: '1h' })
  async take(@Body() order: Order) {
    this.runs.push(order);
    await this.gate?.enter();
    if (this.delayMs > 0) await sleep(this.delayMs);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('payment service down');
    }
  }
}

@LambdaHandler()
class QuotesHandler {
  runs = 0;

  @OnInvoke()
  @Idempotent({ key: 'orderId', expiresAfter: 1 })
  quote(@Body() order: Order) {
    this.runs += 1;
    return { orderId: order.orderId, total: order.amount * 2, run: this.runs };
  }
}

@Module({ providers: [OrdersHandler, QuotesHandler] })
class AppModule {}

const TABLE = 'orders-idempotency';

function sqsEvent(...orders: Order[]): SQSEvent {
  return fixture<SQSEvent>('sqs-base', (event) => {
    event.Records = records<SQSRecord>(
      'sqs-base',
      orders.length,
      (record, i) => {
        record.messageId = `message-${i}`;
        record.body = JSON.stringify(orders[i]);
      },
    );
  });
}

describe('@Idempotent() against DynamoDB (dynalite)', () => {
  let dynamo: LocalDynamoDb;
  const savedTable = process.env.IDEMPOTENCY_TABLE_NAME;

  beforeAll(async () => {
    dynamo = await startInProcessDynamoDb();
    await dynamo.createIdempotencyTable(TABLE);
    process.env.IDEMPOTENCY_TABLE_NAME = TABLE;
  });

  afterAll(async () => {
    if (savedTable === undefined) delete process.env.IDEMPOTENCY_TABLE_NAME;
    else process.env.IDEMPOTENCY_TABLE_NAME = savedTable;
    await dynamo?.stop();
  });

  const sqsHandler = () =>
    createHandler(AppModule, {
      trigger: 'sqs',
      handler: OrdersHandler,
      logger: false,
    });

  const invokeHandler = () =>
    createHandler(AppModule, {
      trigger: 'invoke',
      handler: QuotesHandler,
      logger: false,
    });

  it('runs a batch that carries the same key twice once, and both records succeed', async () => {
    const handler = await sqsHandler();
    handler.app.get(OrdersHandler).delayMs = 100;
    const order = { orderId: 'o-batch', amount: 5 };
    const result = await handler(sqsEvent(order, order), lambdaContext());
    expect(result).toEqual({ batchItemFailures: [] });
    expect(handler.app.get(OrdersHandler).runs).toEqual([order]);

    // A redelivery in a later invocation returns the stored result too.
    await expect(handler(sqsEvent(order), lambdaContext())).resolves.toEqual({
      batchItemFailures: [],
    });
    expect(handler.app.get(OrdersHandler).runs).toEqual([order]);
    await handler.app.close();
  });

  it('fails the record whose key is in progress in a concurrent invocation, and SQS retries it', async () => {
    const handler = await sqsHandler();
    const orders = handler.app.get(OrdersHandler);
    const gate = new Gate();
    orders.gate = gate;
    const order = { orderId: 'o-concurrent', amount: 7 };
    const first = handler(sqsEvent(order), lambdaContext());
    await gate.entered;
    const second = await handler(sqsEvent(order), lambdaContext());
    gate.open();
    expect(second).toEqual({
      batchItemFailures: [{ itemIdentifier: 'message-0' }],
    });
    await expect(first).resolves.toEqual({ batchItemFailures: [] });
    expect(orders.runs).toEqual([order]);

    // The retry, once the first run is done, gets its result without running.
    orders.gate = undefined;
    await expect(handler(sqsEvent(order), lambdaContext())).resolves.toEqual({
      batchItemFailures: [],
    });
    expect(orders.runs).toEqual([order]);
    await handler.app.close();
  });

  it('stores nothing for a failed run: the retry runs the method again', async () => {
    const handler = await sqsHandler();
    const orders = handler.app.get(OrdersHandler);
    orders.failNext = true;
    const order = { orderId: 'o-failing', amount: 1 };
    await expect(handler(sqsEvent(order), lambdaContext())).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: 'message-0' }],
    });
    await expect(handler(sqsEvent(order), lambdaContext())).resolves.toEqual({
      batchItemFailures: [],
    });
    expect(orders.runs).toEqual([order, order]);
    await handler.app.close();
  });

  it('fails a record without the key instead of running it unguarded', async () => {
    const { logger, failures } = recordingLogger();
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: OrdersHandler,
      logger,
    });
    const result = await handler(sqsEvent({ amount: 3 }), lambdaContext());
    expect(result).toEqual({
      batchItemFailures: [{ itemIdentifier: 'message-0' }],
    });
    expect(handler.app.get(OrdersHandler).runs).toEqual([]);
    expect(failures().join('\n')).toContain(
      'OrdersHandler.take is @Idempotent() but its payload has no idempotency key',
    );
    await handler.app.close();
  });

  it('returns the stored result of a direct invocation without running the method', async () => {
    const handler = await invokeHandler();
    const order = { orderId: 'o-invoke', amount: 21 };
    const first = await handler(order, lambdaContext());
    const again = await handler({ ...order }, lambdaContext());
    expect(first).toEqual({ orderId: 'o-invoke', total: 42, run: 1 });
    expect(again).toEqual(first);
    expect(handler.app.get(QuotesHandler).runs).toBe(1);
    await handler.app.close();
  });

  it('refuses the same key with a different payload, naming the problem', async () => {
    const handler = await invokeHandler();
    await handler({ orderId: 'o-changed', amount: 1 }, lambdaContext());
    await expect(
      handler({ orderId: 'o-changed', amount: 2 }, lambdaContext()),
    ).rejects.toMatchObject({
      name: 'IdempotencyPayloadMismatchError',
      message:
        'QuotesHandler.quote: this idempotency key was already used with a different payload; send a new key for a different request.',
    });
    expect(handler.app.get(QuotesHandler).runs).toBe(1);
    await handler.app.close();
  });

  it('runs the method again once the record has expired (expiresAfter: 1 second)', async () => {
    const handler = await invokeHandler();
    const order = { orderId: 'o-expiring', amount: 4 };
    await handler(order, lambdaContext());
    await handler(order, lambdaContext());
    expect(handler.app.get(QuotesHandler).runs).toBe(1);
    // Expiry is stored in whole seconds: past the next second boundary plus one.
    await sleep(2_100);
    await expect(handler(order, lambdaContext())).resolves.toMatchObject({
      run: 2,
    });
    await handler.app.close();
  });

  it('fails clearly when the function has no idempotency table', async () => {
    delete process.env.IDEMPOTENCY_TABLE_NAME;
    try {
      const handler = await invokeHandler();
      await expect(
        handler({ orderId: 'o-no-table', amount: 1 }, lambdaContext()),
      ).rejects.toMatchObject({
        name: 'IdempotencySetupError',
        message:
          "QuotesHandler.quote is @Idempotent() but IDEMPOTENCY_TABLE_NAME is not set: pass idempotency: true to the function's NestFunction.",
      });
      await handler.app.close();
    } finally {
      process.env.IDEMPOTENCY_TABLE_NAME = TABLE;
    }
  });

  it("runs every call when Powertools' POWERTOOLS_IDEMPOTENCY_DISABLED is set, without loading Powertools or the table", async () => {
    const saved = process.env.IDEMPOTENCY_TABLE_NAME;
    delete process.env.IDEMPOTENCY_TABLE_NAME;
    process.env.POWERTOOLS_IDEMPOTENCY_DISABLED = 'true';
    try {
      const handler = await invokeHandler();
      const order = { orderId: 'o-disabled', amount: 1 };
      await handler(order, lambdaContext());
      await expect(handler(order, lambdaContext())).resolves.toMatchObject({
        run: 2,
      });
      await handler.app.close();
    } finally {
      delete process.env.POWERTOOLS_IDEMPOTENCY_DISABLED;
      process.env.IDEMPOTENCY_TABLE_NAME = saved;
    }
  });
});
