import { AppModule } from '../app.module.js';
import { createHandler } from '../lambda/index.js';

/** The HTTP API function: API Gateway HTTP API requests, routed to the app's controllers. */
export const handler = await createHandler(AppModule, { trigger: 'http-api' });
