import { createEventHandler } from '@create-nest-lambda/runtime';
import { OrderEventsModule } from '../order-events/order-events.module.js';
import { OrderEventsHandler } from '../order-events/order-events.handler.js';

/** The SQS function: each record of a batch goes through the Nest pipeline to OrderEventsHandler. */
export const handler = await createEventHandler(OrderEventsModule, {
  trigger: 'sqs',
  handler: OrderEventsHandler,
});
