// The handler logic every function of the bench runs, whatever wraps it: price one order line.
// Copied unchanged into the generated service (src/bench/), so all of them run the same code.

export interface OrderLine {
  orderId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface PricedOrder {
  orderId: string;
  sku: string;
  net: number;
  tax: number;
  total: number;
}

/** An order the business refuses; the exception filter of the pipeline turns it into a 422. */
export class OrderRejectedError extends Error {
  override readonly name = 'OrderRejectedError';
}

const TAX_RATE = 0.2;
const MAX_QUANTITY = 1_000;

export function priceOrder(order: OrderLine): PricedOrder {
  if (order.quantity > MAX_QUANTITY) {
    throw new OrderRejectedError(
      `quantity ${order.quantity} is over ${MAX_QUANTITY}`,
    );
  }
  const net = Math.round(order.quantity * order.unitPrice * 100) / 100;
  const tax = Math.round(net * TAX_RATE * 100) / 100;
  return { orderId: order.orderId, sku: order.sku, net, tax, total: net + tax };
}

/** The hand-written check of the functions without a pipeline (the plain handler, the seed). */
export function isOrderLine(value: unknown): value is OrderLine {
  if (typeof value !== 'object' || value === null) return false;
  const order = value as Partial<Record<keyof OrderLine, unknown>>;
  return (
    typeof order.orderId === 'string' &&
    order.orderId !== '' &&
    typeof order.sku === 'string' &&
    Number.isInteger(order.quantity) &&
    (order.quantity as number) >= 1 &&
    typeof order.unitPrice === 'number' &&
    order.unitPrice >= 0
  );
}
