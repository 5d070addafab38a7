import { Test } from '@nestjs/testing';
import { CorrelationId } from '../correlation/correlation-id.provider.js';
import { OrdersController } from './orders.controller.js';
import { OrdersService } from './orders.service.js';

describe('OrdersController', () => {
  let controller: OrdersController;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [OrdersController],
      providers: [
        OrdersService,
        { provide: CorrelationId, useValue: { value: 'corr-test' } },
      ],
    }).compile();
    controller = moduleRef.get(OrdersController);
  });

  it('stamps a placed order with the correlation id of the request', () => {
    const order = controller.place({
      customerId: 'cust-1',
      lines: [{ sku: 'mug', quantity: 2 }],
    });

    expect(order.correlationId).toBe('corr-test');
    expect(controller.findOne(order.id)).toEqual(order);
  });
});
