import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import {
  OrderRejectedError,
  isOrderLine,
  priceOrder,
} from '../scenario/order-logic.js';
import { jsonBody, reply } from './http-reply.js';

/** The floor for HTTP: one route, the same logic, no framework. */
export const handler = async (
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> => {
  if (
    event.requestContext.http.method !== 'POST' ||
    event.rawPath !== '/orders/price'
  ) {
    return reply(404, { statusCode: 404, message: 'Not Found' });
  }
  const order = jsonBody(event);
  if (!isOrderLine(order)) {
    return reply(400, { statusCode: 400, message: 'Bad Request' });
  }
  try {
    return reply(200, priceOrder(order));
  } catch (error) {
    if (error instanceof OrderRejectedError) {
      return reply(422, { statusCode: 422, message: error.message });
    }
    throw error;
  }
};
