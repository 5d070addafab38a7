import { createHandler } from '@create-nest-lambda/runtime';
import { AppModule } from '../app.module.js';

/**
 * The HTTP API function: API Gateway HTTP API requests, routed to every controller of the app, the
 * way the HTTP server in main.ts routes them (main.ts still serves them locally). It boots AppModule,
 * so its bundle holds what AppModule imports: functions that `nest g lambda-handler` adds boot their
 * own modules, but are imported into AppModule too; move the app's HTTP modules into a module of
 * their own and boot that here to keep them out of this bundle.
 */
export const handler = await createHandler(AppModule, { trigger: 'http-api' });
