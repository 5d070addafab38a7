/** Every trigger the runtime kit serves and the generator can scaffold, in the order users read them. */
export const TRIGGERS = [
  'http-api',
  'rest-api',
  'function-url',
  'sqs',
  'sqs-fifo',
  'sns',
  's3',
  'eventbridge',
  'schedule',
  'dynamodb-stream',
  'kinesis',
  'invoke',
] as const;

export type Trigger = (typeof TRIGGERS)[number];

/** Triggers that route to `@Controller` classes rather than to a `@LambdaHandler()` method. */
export const HTTP_TRIGGERS: readonly Trigger[] = [
  'http-api',
  'rest-api',
  'function-url',
];

export const DEFAULT_TRIGGERS: readonly Trigger[] = ['http-api', 'sqs'];

export function isTrigger(value: string): value is Trigger {
  return (TRIGGERS as readonly string[]).includes(value);
}
