import { createHandler } from '@create-nest-lambda/runtime';
import { AppModule } from '../app.module.js';

/**
 * The HTTP API function: API Gateway HTTP API requests, routed to every controller of the app, the
 * way the HTTP server in main.ts routes them (main.ts still serves them locally).
 */
export const handler = await createHandler(AppModule, { trigger: 'http-api' });
