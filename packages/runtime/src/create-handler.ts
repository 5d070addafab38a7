import type {
  INestApplicationContext,
  LoggerService,
  LogLevel,
  Type,
} from '@nestjs/common';
import type { Context } from 'aws-lambda';
import {
  createContextApp,
  type AppFactory,
  type AppSettings,
  type LambdaAppConfig,
  type RootModule,
} from './app-context.js';
import { LambdaHandlerDefinitionError, UnknownTriggerError } from './errors.js';
import { InvocationContext } from './invocation-context.js';
import { LambdaModule } from './lambda.module.js';
import { LambdaLogger } from './logger/lambda.logger.js';
import { loadObservability } from './observability/observability.js';
import { bindHandlerMethods } from './pipeline/handler-methods.js';
import type { LambdaInvocation } from './pipeline/lambda-invocation.js';
import { TRIGGERS, type Trigger } from './triggers/trigger-catalog.js';
import {
  TRIGGER_REGISTRY,
  type EventTrigger,
  type HttpTrigger,
  type TriggerEvent,
  type TriggerResult,
} from './triggers/trigger.registry.js';
import type { HandlerMethod } from './pipeline/handler-method.js';
import {
  streamingRuntime,
  type LambdaResponseStream,
} from './http/response-streaming.js';
import type {
  EventTriggerDefinition,
  HttpTriggerDefinition,
} from './triggers/trigger.types.js';

/** The function Lambda calls, with the Nest application behind it (for tests and tooling). */
export type LambdaEntry<TEvent, TResult> = ((
  event: TEvent,
  context: Context,
) => Promise<TResult>) & {
  readonly app: INestApplicationContext;
};

/**
 * The function Lambda calls when the function URL streams its responses (`responseStreaming`),
 * marked by `awslambda.streamifyResponse`, with the Nest application behind it.
 */
export type LambdaStreamingEntry<TEvent> = ((
  event: TEvent,
  responseStream: LambdaResponseStream,
  context: Context,
) => Promise<void>) & {
  readonly app: INestApplicationContext;
};

interface CommonOptions {
  /** Nest's `logger` option; defaults to a `LambdaLogger` (Powertools, one JSON line per entry). */
  readonly logger?: LoggerService | LogLevel[] | false;
  /** Runs once before the first invocation, e.g. to add global pipes. */
  readonly configure?: (config: LambdaAppConfig) => void | Promise<void>;
}

/** Options of `createHandler` for an HTTP trigger. */
export interface HttpHandlerOptions<
  T extends HttpTrigger = HttpTrigger,
> extends CommonOptions {
  readonly trigger: T;
  /** The controllers this function serves; all of the application's when left out. */
  readonly controllers?: readonly Type[];
  /**
   * Function URLs only: stream each response as it is written (Lambda response streaming, the
   * URL's invoke mode `RESPONSE_STREAM`), so that `@Sse()` routes, streamed `StreamableFile`s and
   * `@Res()` writes reach the client as they happen. Any other trigger fails at init.
   */
  readonly responseStreaming?: boolean;
}

/** Options of `createHandler` for an event trigger. */
export interface EventHandlerOptions<
  T extends EventTrigger = EventTrigger,
> extends CommonOptions {
  readonly trigger: T;
  /** The `@LambdaHandler()` class whose decorated method takes the trigger's events. */
  readonly handler: Type;
}

/**
 * Creates the Nest application once, during the Lambda init phase, and returns the handler that
 * runs each invocation through it: HTTP triggers route to `@Controller` classes, the others to the
 * `@LambdaHandler()` class, with guards, interceptors, pipes and exception filters.
 *
 * @example
 * ```ts
 * export const handler = await createHandler(AppModule, {
 *   trigger: 'sqs',
 *   handler: OrderEventsHandler,
 * });
 * ```
 */
export function createHandler(
  rootModule: RootModule,
  options: HttpHandlerOptions<'function-url'> & {
    readonly responseStreaming: true;
  },
): Promise<LambdaStreamingEntry<TriggerEvent<'function-url'>>>;
export function createHandler<T extends HttpTrigger>(
  rootModule: RootModule,
  options: HttpHandlerOptions<T>,
): Promise<LambdaEntry<TriggerEvent<T>, TriggerResult<T>>>;
export function createHandler<T extends EventTrigger>(
  rootModule: RootModule,
  options: EventHandlerOptions<T>,
): Promise<LambdaEntry<TriggerEvent<T>, TriggerResult<T>>>;
export function createHandler(
  rootModule: RootModule,
  options: HttpHandlerOptions | EventHandlerOptions,
): Promise<LambdaEntry<never, unknown> | LambdaStreamingEntry<never>> {
  return buildHandler(rootModule, options);
}

/**
 * `createHandler` for event triggers only (every trigger but HTTP ones). Its bundle holds none of
 * the HTTP stack: `createHandler` reaches the HTTP adapter (express and its dependencies, about
 * 850 KB minified) through an `import()` that esbuild bundles into every function calling it,
 * even one that never runs it. An HTTP trigger here is a `LambdaHandlerDefinitionError`.
 *
 * @example
 * ```ts
 * export const handler = await createEventHandler(OrderEventsModule, {
 *   trigger: 'sqs',
 *   handler: OrderEventsHandler,
 * });
 * ```
 */
export function createEventHandler<T extends EventTrigger>(
  rootModule: RootModule,
  options: EventHandlerOptions<T>,
): Promise<LambdaEntry<TriggerEvent<T>, TriggerResult<T>>> {
  return startHandler(rootModule, options, undefined, undefined) as Promise<
    LambdaEntry<TriggerEvent<T>, TriggerResult<T>>
  >;
}

/**
 * `createHandler` with the way the application is made left open: the test kit's
 * `createTestingHandler` passes a factory that builds it through `@nestjs/testing`. Internal.
 */
export function buildHandler(
  rootModule: RootModule,
  options: HttpHandlerOptions | EventHandlerOptions,
  factory?: AppFactory,
): Promise<LambdaEntry<unknown, unknown>> {
  // Imported here, not at the top: event functions never load the HTTP stack.
  return startHandler(
    rootModule,
    options,
    factory,
    () => import('./http/http-function.js'),
  );
}

type LoadHttp = () => Promise<typeof import('./http/http-function.js')>;

async function startHandler(
  rootModule: RootModule,
  options: HttpHandlerOptions | EventHandlerOptions,
  factory: AppFactory | undefined,
  loadHttp: LoadHttp | undefined,
): Promise<LambdaEntry<unknown, unknown>> {
  const trigger: Trigger = options.trigger;
  if (!Object.hasOwn(TRIGGER_REGISTRY, trigger))
    throw new UnknownTriggerError(trigger, TRIGGERS);
  const invocationContext = new InvocationContext();
  const lambdaLogger = new LambdaLogger(invocationContext);
  const observability = await loadObservability(process.env);
  const kit = LambdaModule.forRoot(
    invocationContext,
    lambdaLogger,
    observability.providers,
  );
  const settings: AppSettings = {
    logger: chooseLogger(options.logger, lambdaLogger),
    interceptors: observability.interceptors,
    configure: options.configure,
    factory,
  };
  const definition = TRIGGER_REGISTRY[trigger] as
    | HttpTriggerDefinition<unknown, unknown>
    | EventTriggerDefinition<unknown, unknown>;

  // Each invocation runs in its own invocation context (AsyncLocalStorage), and inside what the
  // environment turned on (metrics flushed per invocation), if anything.
  const { around } = observability;
  const entry = (
    app: INestApplicationContext,
    run: (event: unknown, invocation: LambdaInvocation) => Promise<unknown>,
  ) =>
    Object.assign(
      (event: unknown, context: Context) => {
        const invocation = invocationContext.begin(trigger, event, context);
        return invocationContext.run(invocation, () =>
          around
            ? around(invocation, () => run(event, invocation))
            : run(event, invocation),
        );
      },
      { app },
    );

  if (definition.kind === 'http') {
    if (!loadHttp) {
      throw new LambdaHandlerDefinitionError(
        `createEventHandler takes event triggers; "${trigger}" is an HTTP trigger: use createHandler for it.`,
      );
    }
    const { controllers, responseStreaming } = options as HttpHandlerOptions;
    if (responseStreaming && factory) {
      throw new LambdaHandlerDefinitionError(
        "createTestingHandler does not stream: invoke the entry created with responseStreaming through the test kit's invokeStreaming(handler, event) instead.",
      );
    }
    const awslambda = streamingRuntime(trigger, responseStreaming, process.env);
    const { startHttpFunction } = await loadHttp();
    const { app, run, streaming } = await startHttpFunction(
      rootModule,
      kit,
      definition,
      { ...settings, controllers, awslambda },
    );
    if (!streaming) return entry(app, run);
    const { stream } = streaming;
    // Lambda's runtime calls a streaming handler with the response stream before the context.
    const streamingEntry: LambdaStreamingEntry<unknown> = Object.assign(
      streaming.awslambda.streamifyResponse(
        (
          event: unknown,
          responseStream: LambdaResponseStream,
          context: Context,
        ) =>
          entry(app, (_event, invocation) =>
            stream(event, responseStream, invocation),
          )(event, context) as Promise<void>,
      ),
      { app },
    );
    // The same `app` property; callers that stream know the entry's other signature.
    return streamingEntry as unknown as LambdaEntry<unknown, unknown>;
  }
  const { handler } = options as EventHandlerOptions;
  let methods: HandlerMethod[] = [];
  const app = await createContextApp(rootModule, kit, settings, (created) => {
    methods = bindHandlerMethods(
      created,
      handler,
      definition,
      invocationContext,
    );
  });
  return entry(app, (event, invocation) =>
    definition.handle(event, invocation, methods),
  );
}

function chooseLogger(
  option: CommonOptions['logger'],
  lambdaLogger: LambdaLogger,
): LoggerService | false {
  if (option === undefined) return lambdaLogger;
  if (Array.isArray(option)) {
    lambdaLogger.setLogLevels(option);
    return lambdaLogger;
  }
  return option;
}
