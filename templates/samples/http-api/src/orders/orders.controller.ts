import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CurrentCorrelationId } from '../correlation/correlation-id.decorator.js';
import { CreateOrderDto } from './dto/create-order.dto.js';
import type { Order } from './order.js';
import { OrdersService } from './orders.service.js';

/**
 * An ordinary Nest controller, served by the HTTP API function with no express inside. A
 * singleton: it reads the correlation id of each request as a parameter, where injecting the
 * request-scoped CorrelationId would make Nest build it, and its pipeline, for every request.
 */
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  findOne(@Param('id') id: string): Order {
    return this.orders.findOne(id);
  }

  @Post()
  place(
    @Body() dto: CreateOrderDto,
    @CurrentCorrelationId() correlationId: string,
  ): Order {
    return this.orders.place(dto, correlationId);
  }
}
