import { Body, Module } from '@nestjs/common';
import {
  Idempotent,
  LambdaHandler,
  OnSqsMessage,
} from '@create-nest-lambda/runtime';
import { type OrderLine, priceOrder } from '../scenario/order-logic.js';

// The features bench's functions: the same SQS handler, without and with @Idempotent(), so the
// only difference between two of its variants is the feature turned on.

/** Prices each record; metrics and tracing are turned on by the environment alone. */
@LambdaHandler()
export class OrdersHandler {
  @OnSqsMessage()
  handle(@Body() order: OrderLine) {
    return priceOrder(order);
  }
}

/** The same, once per order id: each record costs the idempotency table's round trips. */
@LambdaHandler()
export class IdempotentOrdersHandler {
  @OnSqsMessage()
  @Idempotent({ key: 'orderId', expiresAfter: '1h' })
  handle(@Body() order: OrderLine) {
    return priceOrder(order);
  }
}

@Module({ providers: [OrdersHandler] })
export class OrdersModule {}

@Module({ providers: [IdempotentOrdersHandler] })
export class IdempotentOrdersModule {}
