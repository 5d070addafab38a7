import { albTrigger } from './alb.trigger.js';
import { dynamoDbStreamTrigger } from './dynamodb-stream.trigger.js';
import { eventBridgeTrigger } from './eventbridge.trigger.js';
import { functionUrlTrigger } from './function-url.trigger.js';
import { httpApiTrigger } from './http-api.trigger.js';
import { invokeTrigger } from './invoke.trigger.js';
import { kinesisTrigger } from './kinesis.trigger.js';
import { restApiTrigger } from './rest-api.trigger.js';
import { s3Trigger } from './s3.trigger.js';
import { scheduleTrigger } from './schedule.trigger.js';
import { snsTrigger } from './sns.trigger.js';
import { sqsFifoTrigger } from './sqs-fifo.trigger.js';
import { sqsTrigger } from './sqs.trigger.js';
import type { Trigger, TRIGGER_CATALOG } from './trigger-catalog.js';
import type {
  EventTriggerDefinition,
  HttpTriggerDefinition,
  TriggerDefinition,
} from './trigger.types.js';

/**
 * Every trigger's definition by name. A new trigger is an entry in `trigger-catalog.ts`, a new
 * `<name>.trigger.ts` file and one line here; the compiler holds the two lists and their kinds
 * together.
 */
export const TRIGGER_REGISTRY = {
  'http-api': httpApiTrigger,
  'rest-api': restApiTrigger,
  'function-url': functionUrlTrigger,
  alb: albTrigger,
  sqs: sqsTrigger,
  'sqs-fifo': sqsFifoTrigger,
  sns: snsTrigger,
  s3: s3Trigger,
  eventbridge: eventBridgeTrigger,
  schedule: scheduleTrigger,
  'dynamodb-stream': dynamoDbStreamTrigger,
  kinesis: kinesisTrigger,
  invoke: invokeTrigger,
} as const satisfies {
  [T in Trigger]: TriggerDefinition<never, unknown> & {
    kind: (typeof TRIGGER_CATALOG)[T]['kind'];
  };
};

type Registry = typeof TRIGGER_REGISTRY;

/** Triggers routed to `@Controller` classes. */
export type HttpTrigger = {
  [T in Trigger]: Registry[T] extends { kind: 'http' } ? T : never;
}[Trigger];

/** Triggers routed to a `@LambdaHandler()` class. */
export type EventTrigger = Exclude<Trigger, HttpTrigger>;

/** The `@types/aws-lambda` event of a trigger. */
export type TriggerEvent<T extends Trigger> =
  Registry[T] extends HttpTriggerDefinition<infer E, unknown>
    ? E
    : Registry[T] extends EventTriggerDefinition<infer E, unknown>
      ? E
      : never;

/** The `@types/aws-lambda` result of a trigger. */
export type TriggerResult<T extends Trigger> =
  Registry[T] extends TriggerDefinition<never, infer R> ? R : never;
