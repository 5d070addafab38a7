import type { Tracer } from '@aws-lambda-powertools/tracer';
import type {
  CallHandler,
  ExecutionContext,
  NestInterceptor,
} from '@nestjs/common';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import { getLambdaInvocation } from '../pipeline/lambda-invocation.js';

// Tracing's environment variable, set by NestFunction's `tracing: true`. Powertools treats an unset
// one as on inside Lambda; the runtime asks for it explicitly, so that tracing stays opt-in.
const TRACING_ENV = 'POWERTOOLS_TRACE_ENABLED';

/**
 * Powertools' Tracer, one per function, or `undefined` when tracing is off: then neither it nor the
 * X-Ray SDK is imported.
 */
export async function createTracer(
  env: NodeJS.ProcessEnv,
): Promise<Tracer | undefined> {
  if (env[TRACING_ENV] !== 'true') return undefined;
  const { Tracer } = await import('@aws-lambda-powertools/tracer');
  return new Tracer();
}

/**
 * One subsegment per call of a handler method or controller route (`## Class.method`), annotated
 * with the trigger and the request id, with the error when it fails. A global interceptor, so it
 * runs after guards and around pipes and the method. `captureAsyncFunc` runs the call in its own
 * X-Ray context, so the records of a batch, which run concurrently, each get their subsegment as
 * the parent of what they capture (AWS SDK clients, HTTPS calls).
 */
export class TracingInterceptor implements NestInterceptor {
  constructor(private readonly tracer: Tracer) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const name = `## ${ctx.getClass().name}.${ctx.getHandler().name}`;
    const { trigger, context } = getLambdaInvocation(ctx);
    // Typed `unknown` by Powertools; it returns what the function returns, here a promise.
    return defer(
      () =>
        this.tracer.provider.captureAsyncFunc(name, async (subsegment) => {
          subsegment?.addAnnotation('trigger', trigger);
          subsegment?.addAnnotation('requestId', context.awsRequestId);
          try {
            return await lastValueFrom(next.handle(), {
              defaultValue: undefined,
            });
          } catch (error) {
            subsegment?.addError(error as Error);
            throw error;
          } finally {
            subsegment?.close();
          }
        }) as Promise<unknown>,
    );
  }
}
