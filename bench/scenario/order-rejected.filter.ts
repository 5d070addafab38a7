import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
} from '@nestjs/common';
import { OrderRejectedError } from './order-logic.js';

interface JsonResponse {
  status(code: number): { json(body: unknown): unknown };
}

/**
 * Turns a refused order into a 422 over HTTP (express and the kit's response both speak express's
 * `status().json()`); for event records it rethrows, so the record is reported as failed.
 */
@Catch(OrderRejectedError)
export class OrderRejectedFilter implements ExceptionFilter<OrderRejectedError> {
  catch(error: OrderRejectedError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    host
      .switchToHttp()
      .getResponse<JsonResponse>()
      .status(422)
      .json({ statusCode: 422, message: error.message });
  }
}
