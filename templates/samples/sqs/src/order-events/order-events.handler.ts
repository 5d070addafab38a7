import { Body, Logger } from '@nestjs/common';
import { LambdaHandler, OnSqsMessage } from '@create-nest-lambda/runtime';
import { CorrelationId } from '../correlation/correlation-id.provider.js';
import { OrderPlacedMessage } from './dto/order-placed.message.js';

/**
 * Consumes "order placed" messages, one record at a time. A record that fails validation or throws
 * is reported in `batchItemFailures`, so SQS retries it (then moves it to the dead-letter queue)
 * while the rest of the batch succeeds.
 */
@LambdaHandler()
export class OrderEventsHandler {
  private readonly logger = new Logger(OrderEventsHandler.name);

  constructor(private readonly correlationId: CorrelationId) {}

  @OnSqsMessage()
  handle(@Body() message: OrderPlacedMessage): void {
    this.logger.log(
      `Order ${message.orderId} placed by ${message.customerId} for ${message.total} (correlation ${this.correlationId.value})`,
    );
  }
}
