import { lambdaContext as kitContext } from '@create-nest-lambda/runtime/testing';
import type { Context } from 'aws-lambda';

/**
 * A Lambda context for running a function outside Lambda. New specs import `lambdaContext` from
 * `@create-nest-lambda/runtime/testing` directly; this stays for specs that import it from here.
 */
export function lambdaContext(
  functionName: string,
  timeoutMs = 30_000,
): Context {
  return kitContext({ functionName, timeoutMs });
}
