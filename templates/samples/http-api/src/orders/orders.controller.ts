import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CorrelationId } from '../correlation/correlation-id.provider.js';
import { CreateOrderDto } from './dto/create-order.dto.js';
import type { Order } from './order.js';
import { OrdersService } from './orders.service.js';

/**
 * An ordinary Nest controller, served by the HTTP API function with no express inside. It depends
 * on the request-scoped CorrelationId, so Nest builds it anew for every request.
 */
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly correlationId: CorrelationId,
  ) {}

  @Get(':id')
  findOne(@Param('id') id: string): Order {
    return this.orders.findOne(id);
  }

  @Post()
  place(@Body() dto: CreateOrderDto): Order {
    return this.orders.place(dto, this.correlationId.value);
  }
}
