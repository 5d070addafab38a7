import type { NestGenerateOptions } from '../utils/generate-options.js';

export interface LambdaRuntimeOptions extends NestGenerateOptions {
  /** Replace (or remove) kit files the user edited too. */
  force?: boolean;
  /** Go back from an ejected `src/lambda/` to the runtime package. */
  toPackage?: boolean;
}
