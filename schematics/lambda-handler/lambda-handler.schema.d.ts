import type { NestGenerateOptions } from '../utils/generate-options.js';

export interface LambdaHandlerOptions extends NestGenerateOptions {
  /** kebab-case name of the function and its feature folder, e.g. `payment-events`. */
  name: string;
  /** The trigger, one of `TRIGGERS`; `sqs` when left out. */
  type?: string;
  /** Replace the files of a function of the same name. */
  force?: boolean;
  /** `sqs` only: an `@Idempotent()` handler and the service's idempotency table; `false` when left out. */
  idempotency?: boolean;
}
