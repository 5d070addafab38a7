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
    summary: 'API Gateway HTTP API, routed to controllers',
    scaffold: true,
    migrate: true,
    sampleName: 'api',
  },
  'rest-api': {
    kind: 'http',
    summary: 'API Gateway REST API, routed to controllers',
    scaffold: true,
    migrate: true,
    sampleName: 'partner-api',
  },
  'function-url': {
    kind: 'http',
    summary: 'a function URL, routed to controllers',
    scaffold: true,
    migrate: false,
    sampleName: 'webhooks',
  },
  alb: {
    kind: 'http',
    summary: 'an Application Load Balancer target, routed to controllers',
    scaffold: true,
    migrate: false,
    sampleName: 'storefront',
  },
  sqs: {
    kind: 'event',
    summary: 'messages from an SQS queue, in batches',
    scaffold: true,
    migrate: true,
    sampleName: 'order-events',
  },
  'sqs-fifo': {
    kind: 'event',
    summary: 'a FIFO queue: in order within each message group',
    scaffold: true,
    migrate: false,
    sampleName: 'payment-events',
  },
  sns: {
    kind: 'event',
    summary: 'notifications from an SNS topic',
    scaffold: true,
    migrate: true,
    sampleName: 'notifications',
  },
  s3: {
    kind: 'event',
    summary: 'objects created in an S3 bucket',
    scaffold: true,
    migrate: true,
    sampleName: 'uploads',
  },
  eventbridge: {
    kind: 'event',
    summary: 'events matched by an EventBridge rule',
    scaffold: true,
    migrate: true,
    sampleName: 'order-shipped',
  },
  schedule: {
    kind: 'event',
    summary: 'a timer (an EventBridge schedule)',
    scaffold: true,
    migrate: true,
    sampleName: 'nightly-report',
  },
  'dynamodb-stream': {
    kind: 'event',
    summary: 'changes to a DynamoDB table',
    scaffold: true,
    migrate: true,
    sampleName: 'order-changes',
  },
  kinesis: {
    kind: 'event',
    summary: 'records from a Kinesis data stream',
    scaffold: true,
    migrate: true,
    sampleName: 'clickstream',
  },
  invoke: {
    kind: 'event',
    summary: 'direct invocations with any payload',
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
