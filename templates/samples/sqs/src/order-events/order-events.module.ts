import { Module } from '@nestjs/common';
import { CoreModule } from '../core/core.module.js';
import { OrderEventsHandler } from './order-events.handler.js';

@Module({
  imports: [CoreModule],
  providers: [OrderEventsHandler],
})
export class OrderEventsModule {}
