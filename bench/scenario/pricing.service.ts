import { Injectable } from '@nestjs/common';
import { type OrderLine, type PricedOrder, priceOrder } from './order-logic.js';

/** A singleton service, as most of a real dependency graph is. */
@Injectable()
export class PricingService {
  price(order: OrderLine): PricedOrder {
    return priceOrder(order);
  }
}
