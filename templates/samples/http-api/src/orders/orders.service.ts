import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CreateOrderDto } from './dto/create-order.dto.js';
import type { Order } from './order.js';

/**
 * Orders, kept in memory for the sample. A Lambda execution environment is reused across
 * invocations but never shared between them, so a real service keeps orders in DynamoDB.
 */
@Injectable()
export class OrdersService {
  private readonly orders = new Map<string, Order>([
    [
      'ord-1',
      {
        id: 'ord-1',
        customerId: 'cust-1',
        lines: [{ sku: 'book-42', quantity: 1 }],
        status: 'placed',
        correlationId: 'seed',
      },
    ],
  ]);

  findOne(id: string): Order {
    const order = this.orders.get(id);
    if (!order) throw new NotFoundException(`Order ${id} not found`);
    return order;
  }

  place(dto: CreateOrderDto, correlationId: string): Order {
    const order: Order = {
      id: `ord-${randomUUID()}`,
      customerId: dto.customerId,
      lines: dto.lines,
      status: 'placed',
      correlationId,
    };
    this.orders.set(order.id, order);
    return order;
  }
}
