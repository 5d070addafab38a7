import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import {
  getLambdaInvocation,
  type LambdaHttpRequest,
} from '@create-nest-lambda/runtime';
import { correlationIdOf } from './correlation-id.js';

/**
 * The correlation id of the current request, as a handler parameter. A controller that injected
 * the request-scoped `CorrelationId` would become request-scoped itself, and Nest would build it
 * and its whole pipeline again for every request; a parameter costs nothing of the kind.
 *
 * @example
 * ```ts
 * @Post()
 * place(@Body() dto: CreateOrderDto, @CurrentCorrelationId() correlationId: string) {}
 * ```
 */
export const CurrentCorrelationId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    correlationIdOf(
      context.getType() === 'http'
        ? context.switchToHttp().getRequest<LambdaHttpRequest>()
        : getLambdaInvocation(context),
    ),
);
