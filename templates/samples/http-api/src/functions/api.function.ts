import { createHandler } from '@create-nest-lambda/runtime';
import { AppModule } from '../app.module.js';

/** The HTTP API function: API Gateway HTTP API requests, routed to the app's controllers. */
export const handler = await createHandler(AppModule, { trigger: 'http-api' });
