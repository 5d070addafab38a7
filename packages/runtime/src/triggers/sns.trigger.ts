import type { SNSEvent } from 'aws-lambda';
import { withPayload } from '../pipeline/lambda-invocation.js';
import { parseJsonPayload } from './json-payload.js';
import type { EventTriggerDefinition } from './trigger.types.js';

/**
 * SNS subscriptions. `@Body()` is `Message`, JSON-parsed when it holds JSON. SNS delivers one
 * record per invocation; an error is thrown, so Lambda retries the invocation asynchronously.
 */
export const snsTrigger: EventTriggerDefinition<SNSEvent, void> = {
  kind: 'event',
  source: 'sns',
  handle: async (event, invocation, [method]) => {
    for (const record of event.Records ?? []) {
      await method!.run(
        withPayload(invocation, record, parseJsonPayload(record.Sns.Message)),
      );
    }
  },
};
