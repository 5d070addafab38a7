import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { ExecutionContextHost } from '@nestjs/core/internal';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  Event,
  getLambdaInvocation,
  LambdaContext,
  Record as LambdaRecord,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent } from '../support/http-events.js';

@Controller('raw')
class RawController {
  @Get()
  get(
    @Event() event: APIGatewayProxyEventV2,
    @LambdaContext() context: Context,
    @LambdaRecord() record: unknown,
  ) {
    return {
      routeKey: event.routeKey,
      requestId: context.awsRequestId,
      record: record ?? null,
    };
  }
}

@Module({ controllers: [RawController] })
class AppModule {}

describe('@Event(), @Record() and @LambdaContext()', () => {
  it('give the raw event and context in controllers too', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'http-api',
      logger: false,
    });
    const result = await handler(
      httpApiEvent({ url: '/raw' }),
      lambdaContext({ awsRequestId: 'raw-1' }),
    );
    expect(JSON.parse(result.body!)).toEqual({
      routeKey: '$default',
      requestId: 'raw-1',
      record: null,
    });
    await handler.app.close();
  });

  it('getLambdaInvocation() refuses contexts that are no Lambda invocation', () => {
    const rpc = new ExecutionContextHost([{}, {}]);
    rpc.setType('rpc');
    expect(() => getLambdaInvocation(rpc)).toThrow(
      'Not a Lambda invocation: the execution context type is "rpc".',
    );
  });
});
