export { createEventHandler, createHandler } from './create-handler.js';
export type {
  EventHandlerOptions,
  HttpHandlerOptions,
  LambdaEntry,
} from './create-handler.js';
export type { LambdaAppConfig, RootModule } from './app-context.js';
export type { LambdaStreamingEntry } from './create-handler.js';
export type { LambdaResponseStream } from './http/response-streaming.js';
export { TRIGGER_CATALOG, TRIGGERS } from './triggers/trigger-catalog.js';
export type { Trigger, TriggerInfo } from './triggers/trigger-catalog.js';
export type {
  EventTrigger,
  HttpTrigger,
  TriggerEvent,
  TriggerResult,
} from './triggers/trigger.registry.js';
export { LambdaHandler } from './decorators/lambda-handler.decorator.js';
export {
  OnDynamoDbRecord,
  OnEventBridge,
  OnInvoke,
  OnKinesisRecord,
  OnS3Object,
  OnSchedule,
  OnSnsMessage,
  OnSqsMessage,
} from './decorators/on-event.decorators.js';
export type { SqsMessageOptions } from './decorators/on-event.decorators.js';
export {
  Event,
  LambdaContext,
  Record,
} from './decorators/lambda-params.decorators.js';
export { getLambdaInvocation } from './pipeline/lambda-invocation.js';
export type { LambdaInvocation } from './pipeline/lambda-invocation.js';
export { InvocationContext } from './invocation-context.js';
export { LambdaLogger } from './logger/lambda.logger.js';
export { LambdaModule } from './lambda.module.js';
export { LambdaHttpAdapter } from './http/lambda-http.adapter.js';
export type {
  ExpressRequestMethods,
  LambdaHttpRequest,
} from './http/lambda-http.request.js';
export type { ExpressResponseMethods } from './http/lambda-http.response.js';
export { LambdaHttpResponse } from './http/lambda-http.response.js';
export type { S3ObjectEvent } from './triggers/s3.trigger.js';
export type { DynamoDbChange } from './triggers/dynamodb-stream.trigger.js';
export type {
  DynamoDbNumber,
  DynamoDbValue,
} from './triggers/dynamodb-image.js';
export { AwsClientFactory } from './observability/aws-client.factory.js';
export { Idempotent } from './idempotency/idempotent.decorator.js';
export type { IdempotentOptions } from './idempotency/idempotent.options.js';
export { IDEMPOTENCY_TABLE_ENV } from './idempotency/idempotent.options.js';
export type { ExpiresAfter } from './idempotency/expires-after.js';
export { corsPolicy } from './http/cors-policy.js';
export type { CorsMethod, CorsPolicy } from './http/cors-policy.js';
export {
  CorsPolicyError,
  IdempotencyKeyMissingError,
  IdempotencyPayloadMismatchError,
  IdempotencySetupError,
  LambdaHandlerDefinitionError,
  SnsEnvelopeError,
  SqsFifoMessageGroupShortCircuitError,
  UnhandledEventError,
  UnknownTriggerError,
} from './errors.js';
