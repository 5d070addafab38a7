import type { INestApplicationContext, Type } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/internal';
import {
  LAMBDA_EVENT_METADATA,
  LAMBDA_HANDLER_METADATA,
  type EventSource,
} from '../constants.js';
import type { EventHandlerMetadata } from '../decorators/on-event.decorators.js';
import { LambdaHandlerDefinitionError } from '../errors.js';
import type { InvocationContext } from '../invocation-context.js';
import type { EventTriggerDefinition } from '../triggers/trigger.types.js';
import type { HandlerMethod } from './handler-method.js';
import { createMethodRunner } from './method-runner.js';

const DECORATOR_BY_SOURCE: { readonly [S in EventSource]: string } = {
  sqs: '@OnSqsMessage()',
  sns: '@OnSnsMessage()',
  s3: '@OnS3Object()',
  eventbridge: '@OnEventBridge()',
  schedule: '@OnSchedule()',
  dynamodb: '@OnDynamoDbRecord()',
  kinesis: '@OnKinesisRecord()',
  invoke: '@OnInvoke()',
};

/** The provider of the handler class in the application, found by class. */
export function findHandlerWrapper(
  app: INestApplicationContext,
  handler: Type,
): InstanceWrapper {
  if (!Reflect.getMetadata(LAMBDA_HANDLER_METADATA, handler)) {
    throw new LambdaHandlerDefinitionError(
      `${handler.name} is not decorated with @LambdaHandler().`,
    );
  }
  for (const moduleRef of app.get(ModulesContainer).values()) {
    const wrapper = moduleRef.providers.get(handler);
    if (wrapper && !wrapper.isAlias) return wrapper;
  }
  throw new LambdaHandlerDefinitionError(
    `${handler.name} is not a provider of any module of the application; add it to a module's providers.`,
  );
}

/** The methods of the handler class marked for an event source, with their decorator options. */
export function findEventMethods(
  handler: Type,
  source: EventSource,
  allowMany: boolean,
): Array<{ name: string; options: unknown }> {
  const prototype = handler.prototype as { [name: string]: unknown };
  const methods = new MetadataScanner()
    .getAllMethodNames(prototype)
    .map((name) => ({
      name,
      metadata: Reflect.getMetadata(
        LAMBDA_EVENT_METADATA,
        prototype[name] as object,
      ) as EventHandlerMetadata | undefined,
    }))
    .filter(({ metadata }) => metadata?.source === source)
    .map(({ name, metadata }) => ({ name, options: metadata!.options }));
  const decorator = DECORATOR_BY_SOURCE[source];
  if (methods.length === 0) {
    throw new LambdaHandlerDefinitionError(
      `${handler.name} has no ${decorator} method.`,
    );
  }
  if (methods.length > 1 && !allowMany) {
    throw new LambdaHandlerDefinitionError(
      `${handler.name} has several ${decorator} methods (${methods.map((m) => m.name).join(', ')}); keep one.`,
    );
  }
  return methods;
}

/**
 * The handler class's methods for the trigger, each bound to the pipeline, checked at startup.
 */
export function bindHandlerMethods(
  app: INestApplicationContext,
  handler: Type,
  definition: EventTriggerDefinition<unknown, unknown>,
  invocationContext: InvocationContext,
): HandlerMethod[] {
  const wrapper = findHandlerWrapper(app, handler);
  const methods = findEventMethods(
    handler,
    definition.source,
    !!definition.multipleMethods,
  ).map(({ name, options }) => ({
    name,
    options,
    run: createMethodRunner(app, wrapper, name, invocationContext),
  }));
  definition.validate?.(methods);
  return methods;
}
