import { createHandler } from '@create-nest-lambda/runtime';
import { OrdersHandler, OrdersModule } from './orders.handlers.js';

export const handler = await createHandler(OrdersModule, {
  trigger: 'sqs',
  handler: OrdersHandler,
});
