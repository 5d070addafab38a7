import 'reflect-metadata';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import { Body, Module } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, LambdaHandler, OnInvoke } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { captureEmf, withEnv } from '../support/emf.js';

@LambdaHandler()
class PriceHandler {
  constructor(private readonly metrics: Metrics) {}

  @OnInvoke()
  async price(@Body() order: { id: string; amount: number }) {
    this.metrics.addDimension('order', order.id);
    // Interleave: other invocations add their metrics while this one waits.
    await sleep(Math.random() * 20);
    this.metrics.addMetric('Amount', MetricUnit.Count, order.amount);
    await sleep(Math.random() * 20);
    this.metrics.addMetadata('requestId', order.id);
  }
}

@Module({ providers: [PriceHandler] })
class AppModule {}

// Lambda Managed Instances run several invocations in one process: the runtime interface client
// sets AWS_LAMBDA_MAX_CONCURRENCY and runs each invocation in its own InvokeStore context, which is
// what Powertools keeps metrics per invocation by. The test plays that client.
describe('Metrics with concurrent invocations in one process', () => {
  let restoreEnv: () => void;
  let store: InvokeStoreBase;

  beforeAll(async () => {
    store = await InvokeStore.getInstanceAsync(true);
    restoreEnv = withEnv({
      POWERTOOLS_METRICS_NAMESPACE: 'Orders',
      POWERTOOLS_SERVICE_NAME: 'orders-service',
      AWS_LAMBDA_MAX_CONCURRENCY: '200',
    });
  });

  afterAll(() => restoreEnv());

  it('prints each of 200 concurrent invocations its own metrics, dimensions and metadata', async () => {
    const emf = captureEmf();
    try {
      const handler = await createHandler(AppModule, {
        trigger: 'invoke',
        handler: PriceHandler,
        logger: false,
      });
      await Promise.all(
        Array.from({ length: 200 }, (_, i) => {
          const context = lambdaContext();
          return store.run(
            {
              [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId,
            },
            () => handler({ id: `order-${i}`, amount: i }, context),
          );
        }),
      );
      await handler.app.close();
    } finally {
      emf.restore();
    }

    const flushes = emf.lines.filter((line) => 'Amount' in line);
    expect(flushes).toHaveLength(200);
    for (const { _aws, ...fields } of flushes) {
      const i = Number(String(fields.order).slice('order-'.length));
      expect(fields).toEqual({
        service: 'orders-service',
        order: `order-${i}`,
        Amount: i,
        requestId: `order-${i}`,
      });
    }
    expect(new Set(flushes.map((line) => line.order)).size).toBe(200);
  });
});
