import type { ExternalContextCreator } from '@nestjs/core';
import { LeanInterceptorsConsumer } from './lean-interceptors.consumer.js';

/**
 * The application's `ExternalContextCreator` with a cheaper pipeline per call for
 * `@LambdaHandler()` methods: {@link LeanInterceptorsConsumer} in place of Nest's consumer. A new
 * object over the application's creator, which stays as it is for everything else that uses it
 * (microservices, websockets).
 * Should Nest rename its `interceptorsConsumer` field, its own consumer keeps running: slower, not
 * wrong (a test checks the name).
 */
export function leanContextCreator(
  creator: ExternalContextCreator,
): ExternalContextCreator {
  const lean = Object.create(creator) as ExternalContextCreator;
  Object.defineProperties(lean, {
    interceptorsConsumer: { value: new LeanInterceptorsConsumer() },
  });
  return lean;
}
