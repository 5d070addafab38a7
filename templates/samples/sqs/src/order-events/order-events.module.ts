import { Module } from '@nestjs/common';
import { OrderEventsHandler } from './order-events.handler.js';

@Module({
  providers: [OrderEventsHandler],
})
export class OrderEventsModule {}
