import { Module } from '@nestjs/common';
import { PricingService } from './pricing.service.js';
import { SingletonOrdersController } from './singleton-orders.controller.js';
import { VALIDATION_PIPE } from './validation.provider.js';

/** Root module of the HTTP singleton function, and of the express baseline. */
@Module({
  controllers: [SingletonOrdersController],
  providers: [PricingService, VALIDATION_PIPE],
})
export class HttpSingletonModule {}
