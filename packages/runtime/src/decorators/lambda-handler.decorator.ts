import { Injectable, type ScopeOptions } from '@nestjs/common';
import { ENTRY_PROVIDER_WATERMARK } from '@nestjs/common/internal';
import { LAMBDA_HANDLER_METADATA } from '../constants.js';

/**
 * Marks a provider whose methods handle non-HTTP events (`@OnSqsMessage()`, `@OnS3Object()`, ...).
 * It is an `@Injectable()`: declare it in a module's `providers`, inject into it as usual, and pass
 * `{ scope: Scope.REQUEST }` to get a new instance per invocation (per record, for batches).
 *
 * @example
 * ```ts
 * @LambdaHandler()
 * export class OrderEventsHandler {
 *   constructor(private readonly orders: OrdersService) {}
 *   @OnSqsMessage()
 *   handle(@Body() order: OrderDto) {
 *     return this.orders.store(order);
 *   }
 * }
 * ```
 */
export function LambdaHandler(options?: ScopeOptions): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(LAMBDA_HANDLER_METADATA, true, target);
    // An entry provider gets the request-scoped global enhancers (APP_GUARD, ...) as its own,
    // as controllers do, so its dependency tree is known to be request-scoped when they are.
    Reflect.defineMetadata(ENTRY_PROVIDER_WATERMARK, true, target);
    Injectable(options)(target);
  };
}
