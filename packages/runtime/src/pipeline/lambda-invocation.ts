import type { ArgumentsHost } from '@nestjs/common';
import type { Context } from 'aws-lambda';
import { LAMBDA_CONTEXT_TYPE } from '../constants.js';
import type { Trigger } from '../triggers/trigger-catalog.js';

/**
 * What one invocation (or one record of a batch) is about. It is the `REQUEST` of request-scoped
 * providers of `@LambdaHandler()` classes, and what {@link getLambdaInvocation} returns.
 *
 * @example
 * ```ts
 * constructor(@Inject(REQUEST) private readonly invocation: LambdaInvocation<SQSEvent, SQSRecord>) {}
 * ```
 */
export interface LambdaInvocation<
  TEvent = unknown,
  TRecord = unknown,
  TBody = unknown,
> {
  readonly trigger: Trigger;
  /** The raw event Lambda was invoked with. */
  readonly event: TEvent;
  /** The raw record being processed, for sources that deliver records; otherwise `undefined`. */
  readonly record: TRecord | undefined;
  readonly context: Context;
  /** The decoded payload, as `@Body()` gets it before pipes run. */
  readonly body: TBody;
  /** `true` for the first invocation of this execution environment. */
  readonly coldStart: boolean;
}

/**
 * The invocation of one record (or one payload): the parent invocation with its record and body.
 */
export function withPayload(
  parent: LambdaInvocation,
  record: unknown,
  body: unknown,
): LambdaInvocation {
  return {
    trigger: parent.trigger,
    event: parent.event,
    record,
    context: parent.context,
    body,
    coldStart: parent.coldStart,
  };
}

/**
 * Returns the Lambda invocation behind an execution context, for guards, interceptors and filters
 * that serve both HTTP routes and `@LambdaHandler()` methods. Over HTTP, `record` is `undefined`
 * and `body` is the parsed request body.
 *
 * @example
 * ```ts
 * canActivate(ctx: ExecutionContext) {
 *   const { trigger, context } = getLambdaInvocation(ctx);
 *   return context.getRemainingTimeInMillis() > 1000;
 * }
 * ```
 */
export function getLambdaInvocation<
  TEvent = unknown,
  TRecord = unknown,
  TBody = unknown,
>(host: ArgumentsHost): LambdaInvocation<TEvent, TRecord, TBody> {
  const type = host.getType<string>();
  if (type === LAMBDA_CONTEXT_TYPE) {
    // Non-HTTP handlers are called with (body, invocation), see pipeline/method-runner.ts.
    return host.getArgByIndex<LambdaInvocation<TEvent, TRecord, TBody>>(1);
  }
  if (type === 'http') {
    // The part of a LambdaHttpRequest read here, named structurally: the request module imports
    // this one, so importing it back would tie the two in a cycle.
    const request = host
      .switchToHttp()
      .getRequest<{ lambda?: LambdaInvocation; body: unknown } | undefined>();
    if (request?.lambda) {
      return { ...request.lambda, body: request.body } as LambdaInvocation<
        TEvent,
        TRecord,
        TBody
      >;
    }
  }
  throw new TypeError(
    `Not a Lambda invocation: the execution context type is "${type}".`,
  );
}
