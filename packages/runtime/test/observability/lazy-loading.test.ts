import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import { ApplicationConfig } from '@nestjs/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler, LambdaHandler, OnInvoke } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { withEnv } from '../support/emf.js';

// Records which Powertools packages the runtime imports (they stay the real ones).
const loaded = vi.hoisted(() => [] as string[]);
vi.mock('@aws-lambda-powertools/metrics', async (original) => {
  loaded.push('metrics');
  return original();
});
vi.mock('@aws-lambda-powertools/tracer', async (original) => {
  loaded.push('tracer');
  return original();
});
vi.mock('@aws-lambda-powertools/idempotency', async (original) => {
  loaded.push('idempotency');
  return original();
});

@LambdaHandler()
class EchoHandler {
  @OnInvoke()
  echo(@Body() body: unknown) {
    return body;
  }
}

@Module({ providers: [EchoHandler] })
class AppModule {}

describe('features that are off', () => {
  let restoreEnv = () => undefined as void;
  afterEach(() => restoreEnv());

  it('import none of Powertools metrics, tracer and idempotency', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: EchoHandler,
      logger: false,
    });
    await expect(handler({ n: 1 }, lambdaContext())).resolves.toEqual({ n: 1 });
    await handler.app.close();
    expect(loaded).toEqual([]);
  });

  // The probe above sees the runtime's imports: turning metrics on is seen.
  it('import Powertools metrics once the namespace is set', async () => {
    restoreEnv = withEnv({ POWERTOOLS_METRICS_NAMESPACE: 'Echo' });
    const handler = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: EchoHandler,
      logger: false,
    });
    await handler.app.close();
    expect(loaded).toEqual(['metrics']);
  });

  it('provide the Tracer but no tracing interceptor outside Lambda, where Powertools turns tracing off', async () => {
    restoreEnv = withEnv({ POWERTOOLS_TRACE_ENABLED: 'true' });
    delete process.env.AWS_EXECUTION_ENV;
    const handler = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: EchoHandler,
      logger: false,
    });
    const { Tracer } = await import('@aws-lambda-powertools/tracer');
    expect(handler.app.get(Tracer).isTracingEnabled()).toBe(false);
    expect(handler.app.get(ApplicationConfig).getGlobalInterceptors()).toEqual(
      [],
    );
    await handler.app.close();
    expect(loaded).toEqual(['metrics', 'tracer']);
  });
});
