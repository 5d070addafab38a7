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

/** HTTP, singleton graph, full pipeline (the ValidationPipe is global, see the module). */
@Controller('orders')
@UseGuards(BenchGuard)
@UseInterceptors(BenchInterceptor)
@UseFilters(OrderRejectedFilter)
export class SingletonOrdersController {
  constructor(private readonly pricing: PricingService) {}

  @Post('price')
  @HttpCode(200)
  price(@Body() order: OrderLineDto): PricedOrder {
    return this.pricing.price(order);
  }
}
