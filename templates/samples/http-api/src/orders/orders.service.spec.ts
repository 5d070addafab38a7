import { NotFoundException } from '@nestjs/common';
import { OrdersService } from './orders.service.js';

describe('OrdersService', () => {
  let orders: OrdersService;

  beforeEach(() => {
    orders = new OrdersService();
  });

  it('places an order and finds it again', () => {
    const placed = orders.place(
      { customerId: 'cust-7', lines: [{ sku: 'pen', quantity: 3 }] },
      'corr-1',
    );

    expect(placed).toMatchObject({
      customerId: 'cust-7',
      status: 'placed',
      correlationId: 'corr-1',
    });
    expect(orders.findOne(placed.id)).toBe(placed);
  });

  it('refuses an unknown id with a 404', () => {
    expect(() => orders.findOne('missing')).toThrow(NotFoundException);
  });
});
