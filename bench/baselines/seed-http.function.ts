import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { OrderRejectedError } from '../scenario/order-logic.js';
import { jsonBody, reply } from './http-reply.js';
import { resolveForRequest } from './seed-context.js';

/** The seed approach for HTTP: the event is REQUEST; routing and errors are by hand. */
export const handler = async (
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> => {
  if (
    event.requestContext.http.method !== 'POST' ||
    event.rawPath !== '/orders/price'
  ) {
    return reply(404, { statusCode: 404, message: 'Not Found' });
  }
  const orders = await resolveForRequest(event);
  try {
    return reply(200, orders.price(jsonBody(event)));
  } catch (error) {
    if (error instanceof OrderRejectedError) {
      return reply(422, { statusCode: 422, message: error.message });
    }
    if (error instanceof TypeError) {
      return reply(400, { statusCode: 400, message: 'Bad Request' });
    }
    throw error;
  }
};
