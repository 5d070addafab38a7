import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CorrelationId } from '../correlation/correlation-id.provider.js';
import { OrderEventsHandler } from './order-events.handler.js';

describe('OrderEventsHandler', () => {
  it('logs the order with the correlation id of its record', async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [
        OrderEventsHandler,
        { provide: CorrelationId, useValue: { value: 'corr-7' } },
      ],
    }).compile();
    const log = vi
      .spyOn(Logger.prototype, 'log')
      .mockImplementation(() => undefined);

    moduleRef
      .get(OrderEventsHandler)
      .handle({ orderId: 'ord-1', customerId: 'cust-1', total: 12 });

    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('Order ord-1 placed by cust-1'),
    );
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('correlation corr-7'),
    );
  });
});
