import type { EventSource } from '../constants.js';
import type {
  HttpRequestParts,
  LambdaHttpRequest,
} from '../http/lambda-http.request.js';
import type { LambdaHttpResponse } from '../http/lambda-http.response.js';
import type { HandlerMethod } from '../pipeline/handler-method.js';
import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';

/** An HTTP trigger turns its event into the parts of a request and the response into its result. */
export interface HttpTriggerDefinition<TEvent, TResult> {
  readonly kind: 'http';
  toRequest(event: TEvent, invocation: LambdaInvocation): HttpRequestParts;
  toResult(response: LambdaHttpResponse, request: LambdaHttpRequest): TResult;
}

/** Any other trigger decodes its records, runs them, and decides what a failure means. */
export interface EventTriggerDefinition<TEvent, TResult> {
  readonly kind: 'event';
  /** Which event decorator marks the methods it runs. */
  readonly source: EventSource;
  /** Whether a handler class may have several such methods (`handle` then picks one per event). */
  readonly multipleMethods?: boolean;
  /** Checks the methods of a handler class at startup; throws `LambdaHandlerDefinitionError`. */
  validate?(methods: readonly HandlerMethod[]): void;
  handle(
    event: TEvent,
    invocation: LambdaInvocation,
    methods: readonly HandlerMethod[],
  ): Promise<TResult>;
}

/** What a trigger is to the runtime: an HTTP trigger or an event trigger. */
export type TriggerDefinition<TEvent, TResult> =
  | HttpTriggerDefinition<TEvent, TResult>
  | EventTriggerDefinition<TEvent, TResult>;
