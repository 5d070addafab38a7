// @create-nest-lambda/runtime/testing: the test kit. Dev-only: the main entry never imports it,
// so a function's bundle holds none of it (nor @nestjs/testing).
export { lambdaContext } from './lambda-context.factory.js';
export type { LambdaContextOptions } from './lambda-context.factory.js';
export {
  albEvent,
  functionUrlEvent,
  httpApiEvent,
  restApiEvent,
} from './http-events.factory.js';
export type {
  AlbEventOptions,
  HttpApiEventOptions,
  RestApiEventOptions,
} from './http-events.factory.js';
export type {
  HttpRequestOptions,
  MultiValueMap,
} from './http-request.options.js';
export { snsEvent, sqsEvent } from './queue-events.factory.js';
export type {
  SnsEventOptions,
  SqsAttributeValue,
  SqsEventOptions,
  SqsMessageOptions,
} from './queue-events.factory.js';
export {
  dynamoDbStreamEvent,
  kinesisEvent,
  s3EncodeKey,
  s3Event,
} from './stream-events.factory.js';
export type {
  DynamoDbChangeOptions,
  DynamoDbStreamEventOptions,
  KinesisEventOptions,
  KinesisRecordOptions,
  S3EventOptions,
} from './stream-events.factory.js';
export {
  eventBridgeEvent,
  scheduleEvent,
} from './eventbridge-events.factory.js';
export type {
  EventBridgeEventOptions,
  ScheduleEventOptions,
} from './eventbridge-events.factory.js';
export { createTestingHandler } from './testing-handler.js';
export type {
  ProviderOverride,
  TestingHandler,
  TestingOptions,
} from './testing-handler.js';
export {
  awsLambdaGlobal,
  createResponseStream,
  decodeResponseStream,
  installAwsLambdaGlobal,
  invokeStreaming,
  isStreamingHandler,
} from './lambda-streaming.js';
export type { StreamedResponse } from './lambda-streaming.js';
