import { Test } from '@nestjs/testing';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

describe('OrdersController', () => {
  let controller: OrdersController;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [OrdersController],
      providers: [OrdersService],
    }).compile();
    controller = moduleRef.get(OrdersController);
  });

  it('stamps a placed order with the correlation id of the request', () => {
    const order = controller.place(
      { customerId: 'cust-1', lines: [{ sku: 'mug', quantity: 2 }] },
      'corr-test',
    );

    expect(order.correlationId).toBe('corr-test');
    expect(controller.findOne(order.id)).toEqual(order);
  });
});
