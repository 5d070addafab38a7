import type { NestInterceptor, Provider } from '@nestjs/common';
import { AwsClientFactory } from './aws-client.factory.js';
import type { InvocationHook } from './invocation-hook.js';
import { createMetrics, metricsHook } from './metrics.hook.js';
import { createTracer, TracingInterceptor } from './tracing.interceptor.js';

/** What the environment turned on: providers to inject, and what runs around each invocation. */
export interface Observability {
  readonly providers: Provider[];
  /** Global interceptors, outermost first (tracing's subsegment per method and route). */
  readonly interceptors: NestInterceptor[];
  /** `undefined` when nothing is on, so that an invocation pays for no wrapper. */
  readonly around: InvocationHook | undefined;
}

/**
 * Reads the environment NestFunction sets, once, during init. A feature that is off imports nothing.
 */
export async function loadObservability(
  env: NodeJS.ProcessEnv,
): Promise<Observability> {
  const [metrics, tracer] = await Promise.all([
    createMetrics(env),
    createTracer(env),
  ]);
  const providers: Provider[] = [
    { provide: AwsClientFactory, useValue: new AwsClientFactory(tracer) },
  ];
  const interceptors: NestInterceptor[] = [];
  const hooks: InvocationHook[] = [];
  if (metrics) {
    // The token is Powertools' own class: `constructor(private readonly metrics: Metrics)`.
    providers.push({ provide: metrics.constructor, useValue: metrics });
    hooks.push(metricsHook(metrics));
  }
  if (tracer) {
    providers.push({ provide: tracer.constructor, useValue: tracer });
    // Powertools turns itself off outside Lambda (and under SAM local): then no interceptor.
    if (tracer.isTracingEnabled()) {
      interceptors.push(new TracingInterceptor(tracer));
    }
  }
  return { providers, interceptors, around: compose(hooks) };
}

function compose(hooks: InvocationHook[]): InvocationHook | undefined {
  if (hooks.length === 0) return undefined;
  return hooks.reduceRight<InvocationHook>(
    (inner, outer) => (invocation, run) =>
      outer(invocation, () => inner(invocation, run)),
    (_invocation, run) => run(),
  );
}
