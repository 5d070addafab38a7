import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { expiresAfterSeconds } from './expires-after.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import {
  IDEMPOTENT_METADATA,
  type IdempotentOptions,
  type IdempotentSettings,
} from './idempotent.options.js';

/**
 * Runs the method once per idempotency key, with Powertools' idempotency utility and its DynamoDB
 * table (`idempotency: true` on `NestFunction`): a repeated key returns the stored result without
 * running the method, a key still in progress fails (so SQS retries the record later), the same
 * key with a different payload is refused, and a failed run stores nothing. For batch sources the
 * key is read per record; on HTTP routes from the `Idempotency-Key` header (a request without it
 * runs as usual).
 *
 * @example
 * ```ts
 * @OnSqsMessage()
 * @Idempotent({ key: 'orderId', expiresAfter: '1h' })
 * async handle(@Body() order: OrderPlaced) {}
 * ```
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  const settings: IdempotentSettings = {
    key: keyReader(options.key),
    header: (options.header ?? 'Idempotency-Key').toLowerCase(),
    expiresAfterSeconds: expiresAfterSeconds(options.expiresAfter ?? '1h'),
  };
  return applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, settings),
    UseInterceptors(IdempotencyInterceptor),
  );
}

function keyReader(
  key: IdempotentOptions['key'],
): (payload: unknown) => unknown {
  if (typeof key === 'function') return key;
  if (key === undefined) return (payload) => payload;
  const path = key.split('.');
  return (payload) =>
    path.reduce<unknown>(
      (value, name) =>
        value !== null && typeof value === 'object'
          ? (value as { [name: string]: unknown })[name]
          : undefined,
      payload,
    );
}
