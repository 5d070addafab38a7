import type { INestApplicationContext, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { LambdaHandlerDefinitionError } from '../errors.js';

/**
 * Keeps only the given controllers in the application before `app.init()`, which is when Nest
 * registers routes: a function serves its own routes even when `AppModule` declares others. The
 * controllers left out were instantiated, but get no route and no lifecycle hook.
 */
export function restrictControllers(
  app: INestApplicationContext,
  controllers: readonly Type[],
): void {
  const wanted = new Set<unknown>(controllers);
  const found = new Set<unknown>();
  for (const moduleRef of app.get(ModulesContainer).values()) {
    for (const [token, wrapper] of moduleRef.controllers) {
      if (wanted.has(wrapper.metatype)) {
        found.add(wrapper.metatype);
      } else {
        moduleRef.controllers.delete(token);
      }
    }
  }
  const missing = controllers.filter((controller) => !found.has(controller));
  if (missing.length > 0) {
    throw new LambdaHandlerDefinitionError(
      `Not a controller of any module of the application: ${missing.map((c) => c.name).join(', ')}.`,
    );
  }
}
