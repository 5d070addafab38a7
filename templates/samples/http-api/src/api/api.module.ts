import { Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module.js';
import { OrdersModule } from '../orders/orders.module.js';

/** The api function's module graph: the features it serves behind the HTTP API. */
@Module({
  imports: [HealthModule, OrdersModule],
})
export class ApiModule {}
