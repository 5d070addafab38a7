import type {
  DynamicModule,
  INestApplicationContext,
  Type,
} from '@nestjs/common';
import {
  configOf,
  finishStartup,
  nestFactory,
  useKitInterceptors,
  withKit,
  type AppSettings,
  type RootModule,
} from '../app-context.js';
import type { LambdaInvocation } from '../pipeline/lambda-invocation.js';
import type { HttpTriggerDefinition } from '../triggers/trigger.types.js';
import { restrictControllers } from './controllers-filter.js';
import { handleHttpEvent } from './http-event.handler.js';
import { streamHttpEvent } from './http-stream.handler.js';
import { LambdaHttpAdapter } from './lambda-http.adapter.js';
import type {
  AwsLambdaGlobal,
  LambdaResponseStream,
} from './response-streaming.js';
import { rejectSseRoutes } from './sse-routes.js';

// The HTTP half of createHandler. create-handler.ts imports this file with import() for HTTP
// triggers only, so that event functions never evaluate express, cors or finalhandler (about a
// tenth of their cold start; see bench/README.md).

/** An HTTP function's app and how it runs one invocation. */
export interface HttpFunction {
  readonly app: INestApplicationContext;
  readonly run: (
    event: unknown,
    invocation: LambdaInvocation,
  ) => Promise<unknown>;
  /**
   * With response streaming: how it runs one invocation onto Lambda's response stream, and the
   * `awslambda` global that marks the entry as streaming. One field, so one check covers both.
   */
  readonly streaming?: {
    readonly awslambda: AwsLambdaGlobal;
    readonly stream: (
      event: unknown,
      responseStream: LambdaResponseStream,
      invocation: LambdaInvocation,
    ) => Promise<void>;
  };
}

/**
 * Creates the HTTP application on the serverless adapter and returns how each event reaches its
 * routes. `controllers`, when given, are the only ones it serves; with `awslambda` (response
 * streaming, checked by `streamingRuntime`), responses are streamed and `@Sse()` routes served.
 */
export async function startHttpFunction(
  root: RootModule,
  kit: DynamicModule,
  definition: HttpTriggerDefinition<unknown, unknown>,
  settings: AppSettings & {
    readonly controllers?: readonly Type[];
    readonly awslambda?: AwsLambdaGlobal;
  },
): Promise<HttpFunction> {
  const adapter = new LambdaHttpAdapter();
  const factory = settings.factory ?? nestFactory;
  const app = await factory.create(withKit(root, kit), adapter, {
    logger: settings.logger,
    abortOnError: false,
  });
  await finishStartup(app, async () => {
    if (settings.controllers) restrictControllers(app, settings.controllers);
    useKitInterceptors(app, settings);
    // Before init: Nest binds the global enhancers to each route when it registers it.
    await settings.configure?.(configOf(app));
    if (!settings.awslambda) rejectSseRoutes(app);
    await app.init();
  });
  const { awslambda } = settings;
  return {
    app,
    run: (event, invocation) =>
      handleHttpEvent(definition, adapter, event, invocation),
    ...(awslambda && {
      streaming: {
        awslambda,
        stream: (event, responseStream, invocation) =>
          streamHttpEvent(
            definition,
            adapter,
            event,
            invocation,
            responseStream,
            awslambda,
          ),
      },
    }),
  };
}
