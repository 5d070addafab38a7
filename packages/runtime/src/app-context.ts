import {
  Module,
  type CanActivate,
  type DynamicModule,
  type ExceptionFilter,
  type INestApplication,
  type INestApplicationContext,
  type LoggerService,
  type NestApplicationOptions,
  type NestInterceptor,
  type PipeTransform,
  type Type,
} from '@nestjs/common';
import {
  ApplicationConfig,
  HttpAdapterHost,
  NestFactory,
  type AbstractHttpAdapter,
} from '@nestjs/core';
import { EventHttpAdapter } from './http/event-http-adapter.js';
import type { LambdaHttpAdapter } from './http/lambda-http.adapter.js';

/** What `createHandler`'s `configure` option may change before the first invocation. */
export interface LambdaAppConfig {
  /** The Nest application: an `INestApplication` for HTTP triggers, a standalone context otherwise. */
  readonly app: INestApplicationContext;
  useGlobalPipes(...pipes: PipeTransform[]): void;
  useGlobalGuards(...guards: CanActivate[]): void;
  useGlobalInterceptors(...interceptors: NestInterceptor[]): void;
  useGlobalFilters(...filters: ExceptionFilter[]): void;
}

/** The module a function boots: a module class, or a dynamic module. */
export type RootModule = Type<unknown> | DynamicModule;

/**
 * How the Nest application is made: `NestFactory` in Lambda; the test kit passes one that builds
 * it through `@nestjs/testing`, so that providers can be overridden.
 */
export interface AppFactory {
  createApplicationContext(
    module: DynamicModule,
    options: NestApplicationOptions,
  ): Promise<INestApplicationContext>;
  create(
    module: DynamicModule,
    adapter: LambdaHttpAdapter,
    options: NestApplicationOptions,
  ): Promise<INestApplication>;
}

/** `NestFactory`, the default `AppFactory`. */
export const nestFactory: AppFactory = {
  createApplicationContext: (module, options) =>
    NestFactory.createApplicationContext(module, options),
  create: (module, adapter, options) =>
    NestFactory.create(module, adapter, options),
};

/** How `createHandler` sets the application up, besides its root module. */
export interface AppSettings {
  readonly logger: LoggerService | false;
  /** The kit's global interceptors (tracing), registered before `configure` adds the user's. */
  readonly interceptors?: readonly NestInterceptor[];
  readonly configure?: (config: LambdaAppConfig) => void | Promise<void>;
  /** `NestFactory` unless told. */
  readonly factory?: AppFactory;
}

// The root of every app: the user's root module and the kit's global LambdaModule side by side,
// so that AppModule needs no change to inject InvocationContext or LambdaLogger.
@Module({})
class LambdaAppModule {}

/** The root module of a function's app: its own root module beside the kit's `LambdaModule`. */
export const withKit = (
  root: RootModule,
  kit: DynamicModule,
): DynamicModule => ({
  module: LambdaAppModule,
  imports: [root, kit],
});

/**
 * A standalone application context, for every trigger but HTTP ones. `prepare` runs once the
 * app is initialized (createHandler binds the handler's methods there).
 */
export async function createContextApp(
  root: RootModule,
  kit: DynamicModule,
  settings: AppSettings,
  prepare: (app: INestApplicationContext) => void,
): Promise<INestApplicationContext> {
  // abortOnError: false, so that a failed init rejects (and Lambda reports an init error)
  // instead of aborting the process.
  const factory = settings.factory ?? nestFactory;
  const app = await factory.createApplicationContext(withKit(root, kit), {
    logger: settings.logger,
    abortOnError: false,
  });
  // HTTP filters shared with event handlers reply through it (see event-http-adapter.ts).
  app.get(HttpAdapterHost).httpAdapter ??=
    new EventHttpAdapter() as unknown as AbstractHttpAdapter;
  return finishStartup(app, async () => {
    useKitInterceptors(app, settings);
    await settings.configure?.(configOf(app));
    prepare(app);
  });
}

/** Registers the kit's global interceptors (tracing), if the environment turned any on. */
export function useKitInterceptors(
  app: INestApplicationContext,
  settings: AppSettings,
): void {
  if (settings.interceptors?.length) {
    app.get(ApplicationConfig).useGlobalInterceptors(...settings.interceptors);
  }
}

/** What `configure` gets: the app and its global enhancer registries. */
export function configOf(app: INestApplicationContext): LambdaAppConfig {
  const config = app.get(ApplicationConfig);
  return {
    app,
    useGlobalPipes: (...pipes) => config.useGlobalPipes(...pipes),
    useGlobalGuards: (...guards) => config.useGlobalGuards(...guards),
    useGlobalInterceptors: (...interceptors) =>
      config.useGlobalInterceptors(...interceptors),
    useGlobalFilters: (...filters) => config.useGlobalFilters(...filters),
  };
}

// An app that fails a startup step is closed, so that nothing it opened (connections, timers)
// outlives the error Lambda reports. One that starts gets Nest's SIGTERM listener: Lambda sends
// SIGTERM before it shuts an execution environment down (when an extension is registered), which
// leaves 500 ms for onModuleDestroy and beforeApplicationShutdown hooks. Nest registers the
// listener once per app and removes it when the app closes.
/** Runs the app's startup steps, then enables its shutdown hooks; closes it if a step fails. */
export async function finishStartup(
  app: INestApplicationContext,
  steps: () => Promise<void>,
): Promise<INestApplicationContext> {
  try {
    await steps();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app.enableShutdownHooks(['SIGTERM']);
}
