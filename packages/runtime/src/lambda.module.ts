import {
  type DynamicModule,
  Global,
  Module,
  type Provider,
} from '@nestjs/common';
import { IdempotencyStore } from './idempotency/idempotency.store.js';
import { InvocationContext } from './invocation-context.js';
import { LambdaLogger } from './logger/lambda.logger.js';

/**
 * Makes the kit's services injectable everywhere. `createHandler` imports it beside your root
 * module, so `AppModule` needs no change; import it yourself only in tests that build a module
 * with `Test.createTestingModule` and inject `InvocationContext` or `LambdaLogger`.
 *
 * @example
 * ```ts
 * const invocation = new InvocationContext();
 * Test.createTestingModule({ imports: [LambdaModule.forRoot(invocation)], providers: [AuditService] });
 * ```
 */
@Global()
@Module({})
export class LambdaModule {
  static forRoot(
    invocationContext: InvocationContext = new InvocationContext(),
    logger: LambdaLogger = new LambdaLogger(invocationContext),
    // Powertools' Metrics and Tracer, when the function turns them on (observability/).
    observability: readonly Provider[] = [],
  ): DynamicModule {
    const tokens = observability.map((provider) =>
      'provide' in provider ? provider.provide : provider,
    );
    return {
      module: LambdaModule,
      providers: [
        { provide: InvocationContext, useValue: invocationContext },
        { provide: LambdaLogger, useValue: logger },
        // Used by `@Idempotent()`; it loads Powertools on the first idempotent call only.
        IdempotencyStore,
        ...observability,
      ],
      exports: [InvocationContext, LambdaLogger, IdempotencyStore, ...tokens],
    };
  }
}
