import { SetMetadata } from '@nestjs/common';
import { LAMBDA_EVENT_METADATA, type EventSource } from '../constants.js';

/** What an event decorator stores on its method. */
export interface EventHandlerMetadata<TOptions = unknown> {
  readonly source: EventSource;
  readonly options: TOptions;
}

/** Options of `@OnSqsMessage()`. */
export interface SqsMessageOptions {
  /**
   * The queue is subscribed to an SNS topic without raw message delivery: take `Message` out of the
   * SNS envelope in each body (and JSON-parse it when it is JSON).
   */
  readonly unwrapSns?: boolean;
}

/** Options of `@OnEventBridge()`: which events the method takes. */
export interface EventBridgeOptions {
  /** The `detail-type`s this method takes; a method without any takes the others. */
  readonly detailTypes: readonly string[];
}

const on = <TOptions>(
  source: EventSource,
  options: TOptions,
): MethodDecorator =>
  SetMetadata(LAMBDA_EVENT_METADATA, {
    source,
    options,
  } satisfies EventHandlerMetadata<TOptions>);

/**
 * Handles each message of an SQS batch (`sqs` and `sqs-fifo` triggers). `@Body()` is the message
 * body, JSON-parsed when it is JSON.
 *
 * @example
 * ```ts
 * @OnSqsMessage({ unwrapSns: true })
 * handle(@Body() order: OrderDto) {}
 * ```
 */
export const OnSqsMessage = (
  options: SqsMessageOptions = {},
): MethodDecorator => on('sqs', options);

/**
 * Handles each SNS notification. `@Body()` is `Message`, JSON-parsed when it is JSON.
 *
 * @example
 * ```ts
 * @OnSnsMessage()
 * handle(@Body() alert: AlertDto, @Record() record: SNSEventRecord) {}
 * ```
 */
export const OnSnsMessage = (): MethodDecorator => on('sns', {});

/**
 * Handles each S3 notification record. `@Body()` is `{ bucket, key, size, eventName }` with the
 * key URL-decoded.
 *
 * @example
 * ```ts
 * @OnS3Object()
 * handle(@Body() { bucket, key }: S3ObjectEvent) {}
 * ```
 */
export const OnS3Object = (): MethodDecorator => on('s3', {});

/**
 * Handles EventBridge events, all of them or those of the given `detail-type`s. `@Body()` is
 * `detail`.
 *
 * @example
 * ```ts
 * @OnEventBridge('OrderPlaced')
 * placed(@Body() detail: OrderPlaced) {}
 * ```
 */
export const OnEventBridge = (...detailTypes: string[]): MethodDecorator =>
  on<EventBridgeOptions>('eventbridge', { detailTypes });

/**
 * Handles scheduled events (EventBridge rules or Scheduler). `@Body()` is the whole event.
 *
 * @example
 * ```ts
 * @OnSchedule()
 * nightly(@Body() event: ScheduledEvent) {}
 * ```
 */
export const OnSchedule = (): MethodDecorator => on('schedule', {});

/**
 * Handles each DynamoDB stream record. `@Body()` is `{ eventName, keys, newImage, oldImage }`,
 * unmarshalled to plain values.
 *
 * @example
 * ```ts
 * @OnDynamoDbRecord()
 * changed(@Body() change: DynamoDbChange<Order>) {}
 * ```
 */
export const OnDynamoDbRecord = (): MethodDecorator => on('dynamodb', {});

/**
 * Handles each Kinesis record. `@Body()` is the data, base64-decoded and JSON-parsed when it is
 * JSON.
 *
 * @example
 * ```ts
 * @OnKinesisRecord()
 * handle(@Body() reading: ReadingDto) {}
 * ```
 */
export const OnKinesisRecord = (): MethodDecorator => on('kinesis', {});

/**
 * Handles direct invocations (SDK `Invoke`, Step Functions, ...). `@Body()` is the event, and the
 * method's return value is the function's result.
 *
 * @example
 * ```ts
 * @OnInvoke()
 * quote(@Body() request: QuoteRequest) { return { price: 42 }; }
 * ```
 */
export const OnInvoke = (): MethodDecorator => on('invoke', {});
