import { withPayload } from '../pipeline/lambda-invocation.js';
import type { EventTriggerDefinition } from './trigger.types.js';

/**
 * Direct invocations (SDK `Invoke`, Step Functions, other functions). `@Body()` is the event and
 * the method's return value, or what an exception filter returns, is the function's result.
 */
export const invokeTrigger: EventTriggerDefinition<unknown, unknown> = {
  kind: 'event',
  source: 'invoke',
  handle: (event, invocation, [method]) =>
    method!.run(withPayload(invocation, undefined, event)),
};
