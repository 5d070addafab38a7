import { createHandler } from '@create-nest-lambda/runtime';
import { AppModule } from '../app.module.js';
import { OrderEventsHandler } from '../order-events/order-events.handler.js';

/** The SQS function: each record of a batch goes through the Nest pipeline to OrderEventsHandler. */
export const handler = await createHandler(AppModule, {
  trigger: 'sqs',
  handler: OrderEventsHandler,
});
