import type { INestApplicationContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA, type Controller } from '@nestjs/common/internal';
import {
  ContextIdFactory,
  ExternalContextCreator,
  type ContextId,
} from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/internal';
import { LAMBDA_CONTEXT_TYPE } from '../constants.js';
import type { InvocationContext } from '../invocation-context.js';
import type { LambdaInvocation } from './lambda-invocation.js';
import { LambdaParamsFactory } from './lambda-params.factory.js';

export type MethodRunner = (invocation: LambdaInvocation) => Promise<unknown>;

/**
 * Binds a method of a `@LambdaHandler()` class to Nest's pipeline with `ExternalContextCreator`,
 * as Nest's microservices do for message handlers: guards, interceptors, pipes and exception
 * filters (method, class and global ones) run in Nest's order, and the execution context type is
 * `'lambda'`. Its arguments are `(body, invocation)`, see `getLambdaInvocation()`.
 *
 * When nothing in the handler's dependency tree (its enhancers included) is request-scoped, the
 * pipeline is built once and each call costs no DI work. Otherwise each call gets a context id,
 * registers the invocation as `REQUEST`, resolves the handler in that context and builds the
 * pipeline for it, as Nest's router does for request-scoped controllers.
 *
 * What an exception filter returns is the outcome: a value (`null` included) means handled, and
 * becomes the result (of `@OnInvoke()`, a record that then counts as processed); a filter that
 * rethrows, or returns `undefined`, leaves the error to the trigger (failed record, thrown event).
 */
export function createMethodRunner(
  app: INestApplicationContext,
  wrapper: InstanceWrapper,
  methodName: string,
  invocationContext: InvocationContext,
): MethodRunner {
  const creator = app.get(ExternalContextCreator);
  const paramsFactory = new LambdaParamsFactory();
  const proxyFor = (instance: Controller, contextId?: ContextId) =>
    creator.create(
      instance,
      (instance as { [name: string]: (...args: unknown[]) => unknown })[
        methodName
      ]!,
      methodName,
      ROUTE_ARGS_METADATA,
      paramsFactory,
      contextId,
      wrapper.id,
      undefined,
      LAMBDA_CONTEXT_TYPE,
    );

  if (wrapper.isDependencyTreeStatic()) {
    const proxy = proxyFor(wrapper.instance as Controller);
    return (invocation) =>
      invocationContext.run(invocation, () =>
        proxy(invocation.body, invocation),
      );
  }

  const isDurable = wrapper.isDependencyTreeDurable();
  return (invocation) =>
    invocationContext.run(invocation, async () => {
      const contextId = ContextIdFactory.getByRequest(invocation);
      app.registerRequestByContextId(
        isDurable ? contextId.payload : invocation,
        contextId,
      );
      const instance = await app.resolve<Controller>(wrapper.token, contextId, {
        strict: false,
      });
      return proxyFor(instance, contextId)(invocation.body, invocation);
    });
}
