import 'reflect-metadata';
import { Body, Controller, Module, Post } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, Idempotent } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import {
  startInProcessDynamoDb,
  type LocalDynamoDb,
} from '../support/local-dynamodb.js';
import { httpApiEvent } from '../support/http-events.js';

@Controller('payments')
class PaymentsController {
  runs = 0;

  @Post()
  @Idempotent({ expiresAfter: '15m' })
  pay(@Body() payment: { amount: number }) {
    this.runs += 1;
    return { charged: payment.amount, run: this.runs };
  }
}

@Module({ controllers: [PaymentsController] })
class PaymentsModule {}

const TABLE = 'payments-idempotency';

describe('@Idempotent() on an HTTP route', () => {
  let dynamo: LocalDynamoDb;

  beforeAll(async () => {
    dynamo = await startInProcessDynamoDb();
    await dynamo.createIdempotencyTable(TABLE);
    process.env.IDEMPOTENCY_TABLE_NAME = TABLE;
  });

  afterAll(async () => {
    delete process.env.IDEMPOTENCY_TABLE_NAME;
    await dynamo?.stop();
  });

  const post = (amount: number, key?: string) =>
    httpApiEvent({
      method: 'POST',
      url: '/payments',
      json: { amount },
      headers: key === undefined ? {} : { 'Idempotency-Key': key },
    });

  it('answers a repeated Idempotency-Key with the stored response, refuses a changed body with 422, and runs requests without the header', async () => {
    const handler = await createHandler(PaymentsModule, {
      trigger: 'http-api',
      logger: false,
    });
    const first = await handler(post(10, 'pay-1'), lambdaContext());
    const again = await handler(post(10, 'pay-1'), lambdaContext());
    expect(first).toMatchObject({ statusCode: 201 });
    expect(JSON.parse(String(first.body))).toEqual({ charged: 10, run: 1 });
    expect(again).toMatchObject({ statusCode: 201, body: first.body });

    const changed = await handler(post(99, 'pay-1'), lambdaContext());
    expect(changed).toMatchObject({ statusCode: 422 });
    expect(JSON.parse(String(changed.body))).toMatchObject({
      message:
        'This Idempotency-Key was already used with a different request; send a new key.',
    });

    const unkeyed = await handler(post(10), lambdaContext());
    expect(JSON.parse(String(unkeyed.body))).toEqual({ charged: 10, run: 2 });
    expect(handler.app.get(PaymentsController).runs).toBe(2);
    await handler.app.close();
  });
});
