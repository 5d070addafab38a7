import { Injectable } from '@nestjs/common';
import { isOrderLine, type PricedOrder } from '../scenario/order-logic.js';
import { PricingService } from '../scenario/pricing.service.js';
import { RequestTag } from '../scenario/request-tag.provider.js';

/** The seed's service: request-scoped through RequestTag, called directly (no pipeline). */
@Injectable()
export class SeedOrdersService {
  constructor(
    private readonly pricing: PricingService,
    private readonly tag: RequestTag,
  ) {}

  price(body: unknown): PricedOrder {
    if (!this.tag.present) throw new Error('REQUEST was not injected');
    if (!isOrderLine(body)) throw new TypeError('not an order line');
    return this.pricing.price(body);
  }
}
