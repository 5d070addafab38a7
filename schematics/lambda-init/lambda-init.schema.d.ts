import type { NestGenerateOptions } from '../utils/generate-options.js';

export interface LambdaInitOptions extends NestGenerateOptions {
  /** Lambda runtime of the functions: `nodejs24.x` (default) or `nodejs22.x`. */
  runtime?: string;
  /** How the app depends on create-nest-lambda (a version range, or `file:` a local checkout). */
}
