import type { EventBridgeEvent } from 'aws-lambda';
import type { EventBridgeOptions } from '../decorators/on-event.decorators.js';
import {
  LambdaHandlerDefinitionError,
  UnhandledEventError,
} from '../errors.js';
import { withPayload } from '../pipeline/lambda-invocation.js';
import type { HandlerMethod } from '../pipeline/handler-method.js';
import type { EventTriggerDefinition } from './trigger.types.js';

const detailTypesOf = (method: HandlerMethod) =>
  (method.options as EventBridgeOptions).detailTypes;

/**
 * EventBridge rules. `@Body()` is `detail`. A handler class may have one `@OnEventBridge()` method
 * per `detail-type`, and one without a detail type for the others; an event nobody takes throws
 * `UnhandledEventError`. Errors are thrown, so EventBridge retries the invocation.
 */
export const eventBridgeTrigger: EventTriggerDefinition<
  EventBridgeEvent<string, unknown>,
  void
> = {
  kind: 'event',
  source: 'eventbridge',
  multipleMethods: true,
  validate: (methods) => {
    const seen = new Set<string>();
    for (const method of methods) {
      const types = detailTypesOf(method);
      for (const type of types.length === 0 ? ['*'] : types) {
        if (seen.has(type)) {
          const what = type === '*' ? 'without a detail type' : `for "${type}"`;
          throw new LambdaHandlerDefinitionError(
            `Two @OnEventBridge() methods ${what}.`,
          );
        }
        seen.add(type);
      }
    }
  },
  handle: async (event, invocation, methods) => {
    const type = event['detail-type'];
    const method =
      methods.find((candidate) => detailTypesOf(candidate).includes(type)) ??
      methods.find((candidate) => detailTypesOf(candidate).length === 0);
    if (!method) {
      throw new UnhandledEventError(
        `No @OnEventBridge() method takes detail type "${type}".`,
      );
    }
    await method.run(withPayload(invocation, undefined, event.detail));
  },
};
