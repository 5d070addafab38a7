import type { INestApplicationContext } from '@nestjs/common';
import { PATH_METADATA, SSE_METADATA } from '@nestjs/common/internal';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { LambdaHandlerDefinitionError } from '../errors.js';

/**
 * A Lambda result is one buffered payload, and the kit does not use response streaming: an @Sse()
 * route would never end its response, and the invocation would wait for Lambda's timeout. So the
 * function refuses to start, naming the route and what to do instead.
 */
export function rejectSseRoutes(app: INestApplicationContext): void {
  const scanner = new MetadataScanner();
  for (const moduleRef of app.get(ModulesContainer).values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const type = wrapper.metatype as {
        name: string;
        prototype: object;
      } | null;
      if (!type?.prototype) continue;
      const prototype = type.prototype as { [name: string]: object };
      for (const name of scanner.getAllMethodNames(prototype)) {
        if (!Reflect.getMetadata(SSE_METADATA, prototype[name]!)) continue;
        const path = [
          Reflect.getMetadata(PATH_METADATA, type) as unknown,
          Reflect.getMetadata(PATH_METADATA, prototype[name]!) as unknown,
        ]
          .flat()
          .filter((part) => typeof part === 'string' && part !== '/')
          .join('/');
        throw new LambdaHandlerDefinitionError(
          `@Sse() route GET /${path} (${type.name}.${name}) cannot be served: HTTP triggers return one buffered response, so the event stream would never end. Serve it from a container or an API Gateway WebSocket API, or have clients poll a regular @Get() route.`,
        );
      }
    }
  }
}
