/**
 * One entry per trigger: the single definition every list of triggers derives from. The runtime's
 * registry is keyed by it (the compiler checks both agree); the generator reads it through
 * `@create-nest-lambda/runtime/triggers` for its prompts, flags, schema enums, templates and
 * migrate's choices. This module imports nothing, so the generator can read it without loading Nest.
 */
export interface TriggerInfo {
  /** `http`: served to `@Controller` classes; `event`: to a `@LambdaHandler()` method. */
  readonly kind: 'http' | 'event';
  /** A few words for prompts and `--help`. */
  readonly summary: string;
  /** Whether the generator scaffolds it (`--triggers`, `nest g lambda-handler --type`). */
  readonly scaffold: boolean;
  /** Whether `create-nest-lambda migrate --type` takes it for a legacy handler. */
  readonly migrate: boolean;
  /** The function a new service gets for it. */
  readonly sampleName?: string;
}

/** Every trigger the runtime serves, in the order users read them. */
export const TRIGGER_CATALOG = {
  'http-api': {
    kind: 'http',
    summary: 'API Gateway HTTP API (payload v2) to your controllers',
    scaffold: true,
    migrate: true,
    sampleName: 'api',
  },
  'rest-api': {
    kind: 'http',
    summary: 'API Gateway REST API (payload v1) to your controllers',
    scaffold: true,
    migrate: true,
    sampleName: 'partner-api',
  },
  'function-url': {
    kind: 'http',
    summary: 'a Lambda function URL to your controllers',
    scaffold: true,
    migrate: false,
    sampleName: 'webhooks',
  },
  alb: {
    kind: 'http',
    summary: 'an Application Load Balancer target to your controllers',
    scaffold: false,
    migrate: false,
  },
  sqs: {
    kind: 'event',
    summary: 'SQS queue messages, with partial batch failures',
    scaffold: true,
    migrate: true,
    sampleName: 'order-events',
  },
  'sqs-fifo': {
    kind: 'event',
    summary: 'SQS FIFO queue messages, in order per message group',
    scaffold: true,
    migrate: false,
    sampleName: 'payment-events',
  },
  sns: {
    kind: 'event',
    summary: 'SNS topic notifications',
    scaffold: true,
    migrate: true,
    sampleName: 'notifications',
  },
  s3: {
    kind: 'event',
    summary: 'S3 object created and removed notifications',
    scaffold: true,
    migrate: true,
    sampleName: 'uploads',
  },
  eventbridge: {
    kind: 'event',
    summary: 'EventBridge events matched by a rule',
    scaffold: true,
    migrate: true,
    sampleName: 'order-shipped',
  },
  schedule: {
    kind: 'event',
    summary: 'an EventBridge schedule (cron or rate)',
    scaffold: true,
    migrate: true,
    sampleName: 'nightly-report',
  },
  'dynamodb-stream': {
    kind: 'event',
    summary: 'DynamoDB Streams records, with new and old images',
    scaffold: true,
    migrate: true,
    sampleName: 'order-changes',
  },
  kinesis: {
    kind: 'event',
    summary: 'Kinesis Data Streams records',
    scaffold: true,
    migrate: true,
    sampleName: 'clickstream',
  },
  invoke: {
    kind: 'event',
    summary: 'direct invocations (SDK, Step Functions) with a JSON payload',
    scaffold: true,
    migrate: true,
    sampleName: 'quote',
  },
} as const satisfies Record<string, TriggerInfo>;

/** A Lambda event source the runtime handles. */
export type Trigger = keyof typeof TRIGGER_CATALOG;

/** Every trigger name, in catalog order. */
export const TRIGGERS: readonly Trigger[] = Object.freeze(
  Object.keys(TRIGGER_CATALOG) as Trigger[],
);
