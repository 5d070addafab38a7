import type { OrderLineDto } from './dto/create-order.dto.js';

export interface Order {
  id: string;
  customerId: string;
  lines: OrderLineDto[];
  status: 'placed' | 'shipped';
  /** The correlation id of the invocation that placed it, to follow it across functions. */
  correlationId: string;
}
