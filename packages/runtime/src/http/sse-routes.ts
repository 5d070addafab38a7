import type { INestApplicationContext } from '@nestjs/common';
import { PATH_METADATA, SSE_METADATA } from '@nestjs/common/internal';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { LambdaHandlerDefinitionError } from '../errors.js';

/**
 * Without response streaming a Lambda result is one buffered payload: an @Sse() route would never
 * end its response, and the invocation would wait for Lambda's timeout. So a function that does
 * not stream refuses to start, naming the route and what to do instead.
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
          `@Sse() route GET /${path} (${type.name}.${name}) cannot be served: this function returns one buffered response, so the event stream would never end. Serve it from a function URL with createHandler(..., { trigger: 'function-url', responseStreaming: true }) and invokeMode RESPONSE_STREAM, or have clients poll a regular @Get() route.`,
        );
      }
    }
  }
}
