import 'reflect-metadata';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Body, Injectable, Module } from '@nestjs/common';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandler, LambdaHandler, OnSqsMessage } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { captureEmf, withEnv } from '../support/emf.js';
import { fixture, records } from '../support/events.js';

@Injectable()
class OrderStats {
  constructor(private readonly metrics: Metrics) {}

  taken(order: { channel: string; amount: number }) {
    this.metrics.addDimension('channel', order.channel);
    this.metrics.addMetric('OrderTaken', MetricUnit.Count, 1);
    this.metrics.addMetric('OrderAmount', MetricUnit.Count, order.amount);
  }
}

@LambdaHandler()
class OrdersHandler {
  constructor(private readonly stats: OrderStats) {}

  @OnSqsMessage()
  take(@Body() order: { channel: string; amount: number }) {
    this.stats.taken(order);
  }
}

@Module({ providers: [OrdersHandler, OrderStats] })
class AppModule {}

const batch = (...amounts: number[]) =>
  fixture<SQSEvent>('sqs-base', (event) => {
    event.Records = records<SQSRecord>(
      'sqs-base',
      amounts.length,
      (record, i) => {
        record.body = JSON.stringify({ channel: 'web', amount: amounts[i] });
      },
    );
  });

describe('Metrics', () => {
  let restoreEnv: () => void;
  let emf: ReturnType<typeof captureEmf>;

  beforeEach(() => {
    restoreEnv = withEnv({
      POWERTOOLS_METRICS_NAMESPACE: 'Orders',
      POWERTOOLS_SERVICE_NAME: 'orders-service',
      // Lambda sets it; Powertools counts a cold start only for on-demand environments.
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    });
    emf = captureEmf();
  });

  afterEach(() => {
    emf.restore();
    restoreEnv();
  });

  it('injects Powertools Metrics and flushes once per batch, with the namespace and dimensions, and the cold start once', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: OrdersHandler,
      logger: false,
    });
    await handler(
      batch(3, 4, 5),
      lambdaContext({ functionName: 'orders-take' }),
    );
    await handler(batch(6), lambdaContext({ functionName: 'orders-take' }));
    await handler(batch(7), lambdaContext({ functionName: 'orders-take' }));

    const coldStarts = emf.lines.filter((line) => 'ColdStart' in line);
    expect(coldStarts).toHaveLength(1);
    expect(coldStarts[0]).toMatchObject({
      ColdStart: 1,
      service: 'orders-service',
      function_name: 'orders-take',
    });
    const flushes = emf.lines.filter((line) => 'OrderTaken' in line);
    expect(flushes.map(({ _aws, ...fields }) => fields)).toEqual([
      {
        service: 'orders-service',
        channel: 'web',
        OrderTaken: [1, 1, 1],
        OrderAmount: [3, 4, 5],
      },
      {
        service: 'orders-service',
        channel: 'web',
        OrderTaken: 1,
        OrderAmount: 6,
      },
      {
        service: 'orders-service',
        channel: 'web',
        OrderTaken: 1,
        OrderAmount: 7,
      },
    ]);
    expect(flushes[0]!._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Orders',
        Dimensions: [['service', 'channel']],
        Metrics: [
          { Name: 'OrderTaken', Unit: 'Count' },
          { Name: 'OrderAmount', Unit: 'Count' },
        ],
      },
    ]);
    await handler.app.close();
  });

  it('flushes what a failing batch added too', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: OrdersHandler,
      logger: false,
    });
    const event = batch(1, 2);
    event.Records[1]!.body = 'not json, no channel';
    await handler(event, lambdaContext());
    expect(emf.lines.filter((line) => 'OrderTaken' in line)).toHaveLength(1);
    await handler.app.close();
  });
});
