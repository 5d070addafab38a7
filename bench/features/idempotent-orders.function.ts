import { createHandler } from '@create-nest-lambda/runtime';
import {
  IdempotentOrdersHandler,
  IdempotentOrdersModule,
} from './orders.handlers.js';

export const handler = await createHandler(IdempotentOrdersModule, {
  trigger: 'sqs',
  handler: IdempotentOrdersHandler,
});
