import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { getLambdaInvocation } from '../pipeline/lambda-invocation.js';

/**
 * The raw event Lambda was invoked with, in `@LambdaHandler()` methods and in controllers alike.
 *
 * @example
 * ```ts
 * @OnSqsMessage()
 * handle(@Body() order: OrderDto, @Event() event: SQSEvent) {}
 * ```
 */
export const Event = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) => getLambdaInvocation(ctx).event,
);

/**
 * The raw record being processed (an `SQSRecord`, a `DynamoDBRecord`, ...); `undefined` for
 * sources without records and over HTTP. Importing it shadows TypeScript's `Record<K, V>` type in
 * that file; import it under another name (`Record as LambdaRecord`) if you need both.
 *
 * @example
 * ```ts
 * @OnSqsMessage()
 * handle(@Body() order: OrderDto, @Record() record: SQSRecord) {}
 * ```
 */
export const Record = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) => getLambdaInvocation(ctx).record,
);

/**
 * The Lambda `Context` of the invocation (request id, remaining time, ...).
 *
 * @example
 * ```ts
 * @OnInvoke()
 * handle(@LambdaContext() context: Context) { return context.awsRequestId; }
 * ```
 */
export const LambdaContext = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) => getLambdaInvocation(ctx).context,
);
