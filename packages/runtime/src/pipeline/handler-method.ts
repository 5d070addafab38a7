import type { LambdaInvocation } from './lambda-invocation.js';

/** A method of a `@LambdaHandler()` class, bound to the pipeline: guards, interceptors, pipes, filters. */
export interface HandlerMethod {
  /** The method's name on its class. */
  readonly name: string;
  /** The options of its event decorator, e.g. `{ unwrapSns: true }`. */
  readonly options: unknown;
  /** Runs one invocation (or record) through the pipeline, in its own invocation context. */
  run(invocation: LambdaInvocation): Promise<unknown>;
}
