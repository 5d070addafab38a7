import type { ParamData } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/internal';
import type { ParamsFactory } from '@nestjs/core/helpers/external-context-creator.js';

/**
 * Resolves Nest's own parameter decorators for `@LambdaHandler()` methods, which are called with
 * `(body, invocation)`: `@Body()` is the decoded payload and `@Body('id')` one of its properties.
 * Other built-in decorators (`@Query()`, `@Headers()`, ...) have nothing to read and give
 * `undefined`; `@Event()`, `@Record()` and `@LambdaContext()` are custom decorators and resolve
 * themselves.
 */
export class LambdaParamsFactory implements ParamsFactory {
  exchangeKeyForValue(type: number, data: ParamData, args: unknown[]): unknown {
    if (type !== RouteParamtypes.BODY) return undefined;
    const body = args[0];
    if (data === undefined || data === null || typeof data !== 'string')
      return body;
    return typeof body === 'object' && body !== null
      ? (body as { [key: string]: unknown })[data]
      : undefined;
  }
}
