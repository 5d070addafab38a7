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

/** What each trigger gives a function, in a few words: the CLI's checkbox and `nest g`'s prompt show them. */
export const TRIGGER_DESCRIPTIONS: Record<Trigger, string> = {
  'http-api': 'API Gateway HTTP API, routed to controllers',
  'rest-api': 'API Gateway REST API, routed to controllers',
  'function-url': 'a function URL, routed to controllers',
  sqs: 'messages from an SQS queue, in batches',
  'sqs-fifo': 'a FIFO queue: in order within each message group',
  sns: 'notifications from an SNS topic',
  s3: 'objects created in an S3 bucket',
  eventbridge: 'events matched by an EventBridge rule',
  schedule: 'a timer (an EventBridge schedule)',
  'dynamodb-stream': 'changes to a DynamoDB table',
  kinesis: 'records from a Kinesis data stream',
  invoke: 'direct invocations with any payload',
};

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
