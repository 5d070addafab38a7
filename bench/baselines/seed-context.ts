import { ContextIdFactory, NestFactory } from '@nestjs/core';
import { SeedModule } from './seed.module.js';
import { SeedOrdersService } from './seed-orders.service.js';

// The seed approach: one standalone context per execution environment, created at init.
const app = await NestFactory.createApplicationContext(SeedModule);

/** A request-scoped sub-tree with `request` as REQUEST, and its service. */
export async function resolveForRequest(
  request: object,
): Promise<SeedOrdersService> {
  const contextId = ContextIdFactory.create();
  app.registerRequestByContextId(request, contextId);
  return app.resolve(SeedOrdersService, contextId);
}
