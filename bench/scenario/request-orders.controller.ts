import {
  Body,
  Controller,
  HttpCode,
  Post,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { BenchGuard } from './bench.guard.js';
import { BenchInterceptor } from './bench.interceptor.js';
import { OrderLineDto } from './order-line.dto.js';
import type { PricedOrder } from './order-logic.js';
import { OrderRejectedFilter } from './order-rejected.filter.js';
import { PricingService } from './pricing.service.js';
import { RequestTag } from './request-tag.provider.js';

/** HTTP, request-scoped graph (through RequestTag), full pipeline. */
@Controller('orders')
@UseGuards(BenchGuard)
@UseInterceptors(BenchInterceptor)
@UseFilters(OrderRejectedFilter)
export class RequestOrdersController {
  constructor(
    private readonly pricing: PricingService,
    private readonly tag: RequestTag,
  ) {}

  @Post('price')
  @HttpCode(200)
  price(@Body() order: OrderLineDto): PricedOrder {
    if (!this.tag.present) throw new Error('REQUEST was not injected');
    return this.pricing.price(order);
  }
}
