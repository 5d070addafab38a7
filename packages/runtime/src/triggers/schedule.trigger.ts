import type { ScheduledEvent } from 'aws-lambda';
import { withPayload } from '../pipeline/lambda-invocation.js';
import type { EventTriggerDefinition } from './trigger.types.js';

/** Scheduled events (EventBridge rules and Scheduler). `@Body()` is the whole event. */
export const scheduleTrigger: EventTriggerDefinition<ScheduledEvent, void> = {
  kind: 'event',
  source: 'schedule',
  handle: async (event, invocation, [method]) => {
    await method!.run(withPayload(invocation, undefined, event));
  },
};
