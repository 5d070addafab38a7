import { Module } from '@nestjs/common';
import { PricingService } from '../scenario/pricing.service.js';
import { RequestTag } from '../scenario/request-tag.provider.js';
import { SeedOrdersService } from './seed-orders.service.js';

@Module({
  providers: [PricingService, RequestTag, SeedOrdersService],
})
export class SeedModule {}
