import type { ExpiresAfter } from './expires-after.js';

/** Options of `@Idempotent()`. */
export interface IdempotentOptions {
  /**
   * Where the idempotency key is in the decoded payload (`@Body()` before pipes): a property path
   * such as `'orderId'` or `'order.id'`, or a function of the payload. Left out, the whole payload
   * is the key. HTTP routes read the `header` instead.
   */
  readonly key?: string | ((payload: unknown) => unknown);
  /** The request header that carries the key on HTTP routes. Default: `Idempotency-Key`. */
  readonly header?: string;
  /** How long a stored result is returned for the same key. Default: `'1h'`. */
  readonly expiresAfter?: ExpiresAfter;
}

/** What the decorator stores on the method: the options with their defaults applied. */
export interface IdempotentSettings {
  readonly key: (payload: unknown) => unknown;
  readonly header: string;
  readonly expiresAfterSeconds: number;
}

/** The metadata key under which `@Idempotent()` keeps its options on a method. */
export const IDEMPOTENT_METADATA = 'lambda:idempotent';

/** The environment variable that names the idempotency table; `NestFunction` sets it. */
export const IDEMPOTENCY_TABLE_ENV = 'IDEMPOTENCY_TABLE_NAME';
