import 'reflect-metadata';
import { Body, Controller, Module, Post } from '@nestjs/common';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  AwsClientFactory,
  createHandler,
  LambdaHandler,
  OnInvoke,
  OnSqsMessage,
} from '../../src/index.js';
import { startInProcessDynamoDb } from '../support/local-dynamodb.js';
import { lambdaContext } from '../support/context.js';
import { withEnv } from '../support/emf.js';
import { fixture, records } from '../support/events.js';
import { httpApiEvent } from '../support/http-events.js';

@LambdaHandler()
class OrdersHandler {
  @OnSqsMessage()
  take(@Body() order: { id: string }) {
    if (order.id === 'bad') throw new Error('cannot take bad');
  }
}

@Controller('orders')
class OrdersController {
  @Post()
  create(@Body() order: { id: string }) {
    return order;
  }
}

@LambdaHandler()
class TablesHandler {
  private readonly dynamodb: DynamoDBClient;

  constructor(clients: AwsClientFactory) {
    this.dynamodb = clients.create(DynamoDBClient, {});
  }

  @OnInvoke()
  async list() {
    const { TableNames } = await this.dynamodb.send(new ListTablesCommand({}));
    return TableNames;
  }
}

@Module({
  providers: [OrdersHandler, TablesHandler],
  controllers: [OrdersController],
})
class AppModule {}

interface Subsegment {
  readonly id: string;
  readonly name: string;
  readonly trace_id: string;
  readonly parent_id: string;
  readonly annotations?: Record<string, unknown>;
  readonly fault?: boolean;
  readonly end_time?: number;
}

const TRACE_ID = '1-5759e988-bd862e3fe1be46a994272793';

// The X-Ray daemon's side: JSON documents after a one-line header, one per UDP datagram.
class DaemonStub {
  readonly received: Subsegment[] = [];
  #waiters: Array<() => void> = [];
  constructor(readonly socket: Socket) {
    socket.on('message', (message) => {
      const [, body] = message.toString('utf8').split('\n');
      this.received.push(JSON.parse(body!) as Subsegment);
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }
  async waitFor(count: number, timeoutMs = 3_000): Promise<Subsegment[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.received.splice(0);
  }
}

describe('Tracer', () => {
  let daemon: DaemonStub;
  let restoreEnv: () => void;

  beforeAll(async () => {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    daemon = new DaemonStub(socket);
    const { port } = socket.address() as AddressInfo;
    // What Lambda sets in an execution environment with active tracing (and NestFunction's flag).
    restoreEnv = withEnv({
      POWERTOOLS_TRACE_ENABLED: 'true',
      POWERTOOLS_SERVICE_NAME: 'orders-service',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      LAMBDA_TASK_ROOT: '/var/task',
      AWS_LAMBDA_FUNCTION_NAME: 'orders-take',
      AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${port}`,
      _X_AMZN_TRACE_ID: `Root=${TRACE_ID};Parent=557abcec3ee5a047;Sampled=1`,
    });
  });

  afterAll(async () => {
    restoreEnv?.();
    await new Promise<void>((resolve) => daemon?.socket.close(() => resolve()));
  });

  it('sends one subsegment per handler method call, annotated with the trigger and the request id, and injects the Tracer', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: OrdersHandler,
      logger: false,
    });
    const { Tracer } = await import('@aws-lambda-powertools/tracer');
    expect(handler.app.get(Tracer)).toBeInstanceOf(Tracer);

    const event = fixture<SQSEvent>('sqs-base', (e) => {
      e.Records = records<SQSRecord>('sqs-base', 2, (record, i) => {
        record.body = JSON.stringify({ id: i === 0 ? 'good' : 'bad' });
      });
    });
    await handler(event, lambdaContext({ awsRequestId: 'request-traced' }));
    const segments = await daemon.waitFor(2);
    expect(segments).toHaveLength(2);
    for (const segment of segments) {
      expect(segment).toMatchObject({
        name: '## OrdersHandler.take',
        trace_id: TRACE_ID,
        parent_id: '557abcec3ee5a047',
        annotations: { trigger: 'sqs', requestId: 'request-traced' },
      });
      expect(segment.end_time).toEqual(expect.any(Number));
    }
    expect(segments.filter((segment) => segment.fault)).toHaveLength(1);
    await handler.app.close();
  });

  it('sends one subsegment per controller route call', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'http-api',
      logger: false,
    });
    await handler(
      httpApiEvent({ method: 'POST', url: '/orders', json: { id: 'o-1' } }),
      lambdaContext({ awsRequestId: 'request-http' }),
    );
    const segments = await daemon.waitFor(1);
    expect(segments).toEqual([
      expect.objectContaining({
        name: '## OrdersController.create',
        annotations: { trigger: 'http-api', requestId: 'request-http' },
      }),
    ]);
    await handler.app.close();
  });

  it('captures the AWS SDK clients made by AwsClientFactory, under the subsegment of the method that calls them', async () => {
    const dynamo = await startInProcessDynamoDb();
    try {
      const handler = await createHandler(AppModule, {
        trigger: 'invoke',
        handler: TablesHandler,
        logger: false,
      });
      await expect(handler({}, lambdaContext())).resolves.toEqual([]);
      const segments = await daemon.waitFor(2);
      const method = segments.find(
        (segment) => segment.name === '## TablesHandler.list',
      );
      expect(method).toBeDefined();
      expect(segments).toContainEqual(
        expect.objectContaining({
          name: 'DynamoDB',
          parent_id: method!.id,
          trace_id: TRACE_ID,
        }),
      );
      await handler.app.close();
    } finally {
      await dynamo.stop();
    }
  });
});
