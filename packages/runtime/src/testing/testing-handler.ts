import type {
  DynamicModule,
  INestApplicationContext,
  InjectionToken,
  LoggerService,
  Type,
} from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Context } from 'aws-lambda';
import type { AppFactory, RootModule } from '../app-context.js';
import {
  buildHandler,
  type EventHandlerOptions,
  type HttpHandlerOptions,
} from '../create-handler.js';
import type {
  EventTrigger,
  HttpTrigger,
  TriggerEvent,
  TriggerResult,
} from '../triggers/trigger.registry.js';
import { lambdaContext } from './lambda-context.factory.js';

/**
 * A provider override, as `Test.createTestingModule(...).overrideProvider(provide)` takes it:
 * `useValue`, `useClass` or `useFactory` (with `inject`).
 */
export type ProviderOverride =
  | { readonly provide: InjectionToken; readonly useValue: unknown }
  | { readonly provide: InjectionToken; readonly useClass: Type }
  | {
      readonly provide: InjectionToken;
      readonly useFactory: (...args: never[]) => unknown;
      readonly inject?: InjectionToken[];
    };

/** What `createTestingHandler` adds to `createHandler`'s options. */
export interface TestingOptions {
  /** Providers replaced anywhere in the module graph. */
  readonly overrides?: readonly ProviderOverride[];
}

/** The handler of `createHandler` for tests: the context is optional, and `close()` ends the app. */
export type TestingHandler<TEvent, TResult> = ((
  event: TEvent,
  context?: Context,
) => Promise<TResult>) & {
  readonly app: INestApplicationContext;
  /** Closes the Nest application (runs `onModuleDestroy` and friends). */
  close(): Promise<void>;
};

/**
 * The handler `createHandler(rootModule, options)` returns, built through `@nestjs/testing` so
 * that `overrides` replace providers, with a fresh `lambdaContext()` when no context is passed.
 *
 * @example
 * ```ts
 * const handler = await createTestingHandler(AppModule, {
 *   trigger: 'sqs',
 *   handler: OrderEventsHandler,
 *   overrides: [{ provide: OrdersRepository, useValue: { save: vi.fn() } }],
 * });
 * expect(await handler(sqsEvent({ body: { id: 1 } }))).toEqual({ batchItemFailures: [] });
 * await handler.close();
 * ```
 */
export function createTestingHandler<T extends HttpTrigger>(
  rootModule: RootModule,
  options: HttpHandlerOptions<T> & TestingOptions,
): Promise<TestingHandler<TriggerEvent<T>, TriggerResult<T>>>;
export function createTestingHandler<T extends EventTrigger>(
  rootModule: RootModule,
  options: EventHandlerOptions<T> & TestingOptions,
): Promise<TestingHandler<TriggerEvent<T>, TriggerResult<T>>>;
export async function createTestingHandler(
  rootModule: RootModule,
  options: (HttpHandlerOptions | EventHandlerOptions) & TestingOptions,
): Promise<TestingHandler<unknown, unknown>> {
  const { overrides = [], ...handlerOptions } = options;
  const entry = await buildHandler(
    rootModule,
    handlerOptions,
    testingFactory(overrides),
  );
  const name = `test-${options.trigger}`;
  return Object.assign(
    (event: unknown, context?: Context) =>
      entry(event, context ?? lambdaContext(name)),
    { app: entry.app, close: () => entry.app.close() },
  );
}

function testingFactory(overrides: readonly ProviderOverride[]): AppFactory {
  const compile = (module: DynamicModule) => {
    const builder = Test.createTestingModule({ imports: [module] });
    for (const override of overrides) {
      const by = builder.overrideProvider(override.provide);
      if ('useValue' in override) by.useValue(override.useValue);
      else if ('useClass' in override) by.useClass(override.useClass);
      else
        by.useFactory({
          factory: override.useFactory as (...args: unknown[]) => unknown,
          inject: override.inject,
        });
    }
    return builder.compile();
  };
  return {
    createApplicationContext: async (module, { logger }) => {
      const testing: TestingModule = await compile(module);
      if (logger !== undefined) testing.useLogger(logger as LoggerService);
      return testing.init();
    },
    create: async (module, adapter, appOptions) =>
      (await compile(module)).createNestApplication(adapter, appOptions),
  };
}
