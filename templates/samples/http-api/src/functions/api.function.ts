import { createHandler } from '@create-nest-lambda/runtime';
import { ApiModule } from '../api/api.module.js';

/**
 * The HTTP API function: API Gateway HTTP API requests, routed to the controllers of ApiModule's
 * graph. It boots ApiModule alone, so its bundle holds no other function's code.
 */
export const handler = await createHandler(ApiModule, { trigger: 'http-api' });
