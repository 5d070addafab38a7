import type { NestGenerateOptions } from '../utils/generate-options.js';

export interface RequestProviderOptions extends NestGenerateOptions {
  /** What the value identifies, e.g. `tenant` (a trailing `-id` is dropped). */
  name: string;
  /** Replace the files of a provider of the same name. */
  force?: boolean;
}
