import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { InvocationHook } from './invocation-hook.js';

// Metrics' environment variable, set by NestFunction's `metrics: { namespace }`.
const NAMESPACE_ENV = 'POWERTOOLS_METRICS_NAMESPACE';

/**
 * Powertools' Metrics, one per function, or `undefined` when the function has no namespace: then
 * the package is never imported. The service name comes from POWERTOOLS_SERVICE_NAME (Powertools
 * reads it), which NestFunction sets to the service's package name.
 */
export async function createMetrics(
  env: NodeJS.ProcessEnv,
): Promise<Metrics | undefined> {
  const namespace = env[NAMESPACE_ENV];
  if (!namespace) return undefined;
  const { Metrics } = await import('@aws-lambda-powertools/metrics');
  return new Metrics({ namespace });
}

/**
 * The cold-start metric on the first invocation, and one flush when the invocation (the whole
 * batch) is done, failed or not. Metrics keeps what is added per invocation when Lambda runs
 * invocations concurrently (AWS_LAMBDA_MAX_CONCURRENCY, one InvokeStore context each), so the
 * flush, made inside the invocation, prints that invocation's metrics only.
 */
export function metricsHook(metrics: Metrics): InvocationHook {
  return async (invocation, run) => {
    if (invocation.coldStart) {
      metrics.captureColdStartMetric(invocation.context.functionName);
    }
    try {
      return await run();
    } finally {
      if (metrics.hasStoredMetrics()) {
        metrics.publishStoredMetrics();
      } else {
        metrics.clearDimensions();
        metrics.clearMetadata();
      }
    }
  };
}
