import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';

/**
 * Runs around a whole invocation (a whole batch, not each record), inside its invocation context.
 */
export type InvocationHook = <T>(
  invocation: LambdaInvocation,
  run: () => Promise<T>,
) => Promise<T>;
