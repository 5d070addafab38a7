import { ROUTE_ARGS_METADATA, type Controller } from '@nestjs/common/internal';
import {
  ContextIdFactory,
  ExternalContextCreator,
  type ContextId,
} from '@nestjs/core';
import { Injector, type InstanceWrapper } from '@nestjs/core/internal';
import type { INestApplicationContext } from '@nestjs/common';
import { LAMBDA_CONTEXT_TYPE } from '../constants.js';
import type { InvocationContext } from '../invocation-context.js';
import type { LambdaInvocation } from './lambda-invocation.js';
import { leanContextCreator } from './lean-context-creator.js';
import { LambdaParamsFactory } from './lambda-params.factory.js';
import { compileRequestTree, type RequestTree } from './request-tree.js';

/** Runs one invocation (or record) through a handler method and the pipeline around it. */
export type MethodRunner = (invocation: LambdaInvocation) => Promise<unknown>;
type Method = (...args: unknown[]) => unknown;

/**
 * Binds a method of a `@LambdaHandler()` class to Nest's pipeline with `ExternalContextCreator`,
 * as Nest's microservices do for message handlers: guards, interceptors, pipes and exception
 * filters (method, class and global ones) run in Nest's order, the execution context type is
 * `'lambda'`, and the handler is called with `(body, invocation)` (see `getLambdaInvocation()`).
 *
 * Three cases, decided once at startup from Nest's own introspection:
 * - nothing in the handler's dependency tree (enhancers included) is request-scoped: the pipeline
 * is built once, and a call does no DI work;
 * - the handler depends on request-scoped providers but its enhancers do not: each call gets a
 * context id, registers the invocation as `REQUEST` and resolves the handler in that context,
 * as Nest's router does (from the second call on, with the compiled tree of request-tree.ts),
 * then runs the pipeline built once, which calls the method on the instance of the current
 * context (the pipeline only reads the method's metadata);
 * - an enhancer is request-scoped: each call also builds the pipeline for its context.
 *
 * What an exception filter returns is the outcome: a value (`null` included) means handled, and
 * becomes the result (of `@OnInvoke()`; a record then counts as processed); a filter that rethrows,
 * or returns `undefined`, leaves the error to the trigger (failed record, thrown event).
 */
export function createMethodRunner(
  app: INestApplicationContext,
  wrapper: InstanceWrapper,
  methodName: string,
  invocationContext: InvocationContext,
): MethodRunner {
  const creator = leanContextCreator(app.get(ExternalContextCreator));
  const paramsFactory = new LambdaParamsFactory();
  const pipeline = (
    instance: Controller,
    method: Method,
    contextId?: ContextId,
  ) =>
    creator.create(
      instance,
      method,
      methodName,
      ROUTE_ARGS_METADATA,
      paramsFactory,
      contextId,
      wrapper.id,
      undefined,
      LAMBDA_CONTEXT_TYPE,
    );
  const methodOf = (instance: Controller) =>
    (instance as { [name: string]: Method })[methodName]!;

  if (wrapper.isDependencyTreeStatic()) {
    const instance = wrapper.instance as Controller;
    const proxy = pipeline(instance, methodOf(instance));
    return (invocation) =>
      invocationContext.run(invocation, () =>
        proxy(invocation.body, invocation),
      );
  }

  const injector = new Injector();
  const isDurable = wrapper.isDependencyTreeDurable();
  const enhancers = (wrapper.getEnhancersMetadata() ?? []) as InstanceWrapper[];
  const hasStaticEnhancers = enhancers.every((enhancer) =>
    enhancer.isDependencyTreeStatic(),
  );
  // Nest's injector resolves the first invocation and records the graph on the way; later ones
  // build it from the compiled tree when its shape allows (see request-tree.ts). Not with
  // request-scoped enhancers: the tree builds the handler's graph only, and Nest's
  // `loadPerContext` also builds the enhancers of each context.
  let tree: RequestTree | undefined;
  let isCompiled = isDurable || !hasStaticEnhancers;
  const resolve = async (invocation: LambdaInvocation) => {
    const contextId = ContextIdFactory.getByRequest(invocation);
    creator.registerRequestProvider(
      isDurable ? contextId.payload : invocation,
      contextId,
    );
    if (tree !== undefined) {
      const instance = (await tree(contextId, invocation)) as Controller;
      return { contextId, instance };
    }
    const host = wrapper.host!;
    const instance = (await injector.loadPerContext(
      wrapper.instance as Controller,
      host,
      host.providers,
      contextId,
      wrapper,
    )) as Controller;
    if (!isCompiled) {
      isCompiled = true;
      tree = compileRequestTree(wrapper, injector);
    }
    return { contextId, instance };
  };

  if (hasStaticEnhancers) {
    const prototypeHost = (wrapper.instance ??
      Object.create(wrapper.metatype!.prototype)) as Controller;
    const method = methodOf(prototypeHost);
    const instances = new WeakMap<LambdaInvocation, Controller>();
    // Called by the pipeline in place of the method: the same method on this call's instance.
    const dispatch = copyMetadata(
      method,
      function (this: unknown, ...args: unknown[]) {
        const current = invocationContext.current!;
        return method.apply(instances.get(current), args);
      },
    );
    const proxy = pipeline(prototypeHost, dispatch);
    return (invocation) =>
      invocationContext.run(invocation, async () => {
        const { instance } = await resolve(invocation);
        instances.set(invocation, instance);
        return proxy(invocation.body, invocation);
      });
  }

  return (invocation) =>
    invocationContext.run(invocation, async () => {
      const { contextId, instance } = await resolve(invocation);
      return pipeline(
        instance,
        methodOf(instance),
        contextId,
      )(invocation.body, invocation);
    });
}

// Method-scoped guards, interceptors, pipes, filters and `@SetMetadata()` live on the function:
// the stand-in carries them too, as the handlers Nest's router registers do.
function copyMetadata(source: Method, target: Method): Method {
  for (const key of Reflect.getMetadataKeys(source)) {
    Reflect.defineMetadata(key, Reflect.getMetadata(key, source), target);
  }
  Object.defineProperty(target, 'name', { value: source.name });
  return target;
}
