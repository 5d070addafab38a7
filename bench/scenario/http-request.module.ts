import { Module } from '@nestjs/common';
import { PricingService } from './pricing.service.js';
import { RequestOrdersController } from './request-orders.controller.js';
import { RequestTag } from './request-tag.provider.js';
import { VALIDATION_PIPE } from './validation.provider.js';

/** Root module of the HTTP request-scoped function. */
@Module({
  controllers: [RequestOrdersController],
  providers: [PricingService, RequestTag, VALIDATION_PIPE],
})
export class HttpRequestModule {}
