import 'reflect-metadata';
import { Body, Controller, Get, Injectable, Module } from '@nestjs/common';
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createHandler,
  type LambdaEntry,
  LambdaHandler,
  LambdaHandlerDefinitionError,
  OnSnsMessage,
  OnSqsMessage,
  type Trigger,
  TRIGGERS,
  UnknownTriggerError,
} from '../src/index.js';
import { lambdaContext } from './support/context.js';
import { httpApiEvent } from './support/http-events.js';

@LambdaHandler()
class SqsHandler {
  @OnSqsMessage()
  handle(@Body() body: unknown) {
    return body;
  }
}

@LambdaHandler()
class TwoMethodsHandler {
  @OnSqsMessage()
  one() {}

  @OnSqsMessage()
  two() {}
}

@Injectable()
class NotAHandler {
  @OnSqsMessage()
  handle() {}
}

@LambdaHandler()
class Unregistered {
  @OnSqsMessage()
  handle() {}
}

@Controller('orders')
class OrdersController {
  @Get()
  list() {
    return ['order'];
  }
}

@Controller('admin')
class AdminController {
  @Get()
  list() {
    return ['secret'];
  }
}

@Controller('stray')
class StrayController {}

@Module({
  controllers: [OrdersController, AdminController],
  providers: [SqsHandler, TwoMethodsHandler, NotAHandler],
})
class AppModule {}

describe('createHandler', () => {
  it('lists every trigger, in order', () => {
    expect(TRIGGERS).toEqual([
      'http-api',
      'rest-api',
      'function-url',
      'alb',
      'sqs',
      'sqs-fifo',
      'sns',
      's3',
      'eventbridge',
      'schedule',
      'dynamodb-stream',
      'kinesis',
      'invoke',
    ]);
    expect(Object.isFrozen(TRIGGERS)).toBe(true);
    expectTypeOf<Trigger>().toEqualTypeOf<(typeof TRIGGERS)[number]>();
  });

  it('types the handler with the event and result of its trigger', async () => {
    const sqs = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: SqsHandler,
      logger: false,
    });
    expectTypeOf(sqs).toEqualTypeOf<LambdaEntry<SQSEvent, SQSBatchResponse>>();
    const http = await createHandler(AppModule, {
      trigger: 'http-api',
      logger: false,
    });
    expectTypeOf(http).toEqualTypeOf<
      LambdaEntry<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>
    >();
    const rest = await createHandler(AppModule, {
      trigger: 'rest-api',
      logger: false,
    });
    expectTypeOf(rest).toEqualTypeOf<
      LambdaEntry<APIGatewayProxyEvent, APIGatewayProxyResult>
    >();
    const withoutHandler = { trigger: 'sqs' } as const;
    // @ts-expect-error: event triggers need a handler class
    await expect(createHandler(AppModule, withoutHandler)).rejects.toThrow();
    await Promise.all([sqs.app.close(), http.app.close(), rest.app.close()]);
  });

  it('refuses an unknown trigger', async () => {
    await expect(
      createHandler(AppModule, {
        trigger: 'ftp' as 'sqs',
        handler: SqsHandler,
      }),
    ).rejects.toThrow(UnknownTriggerError);
    await expect(
      createHandler(AppModule, {
        trigger: 'ftp' as 'sqs',
        handler: SqsHandler,
      }),
    ).rejects.toThrow(
      /^Unknown trigger "ftp"; expected one of: http-api, rest-api,/,
    );
  });

  it.each([
    [NotAHandler, 'sqs', 'NotAHandler is not decorated with @LambdaHandler().'],
    [
      Unregistered,
      'sqs',
      "Unregistered is not a provider of any module of the application; add it to a module's providers.",
    ],
    [SqsHandler, 'sns', 'SqsHandler has no @OnSnsMessage() method.'],
    [
      TwoMethodsHandler,
      'sqs',
      'TwoMethodsHandler has several @OnSqsMessage() methods (one, two); keep one.',
    ],
  ] as const)(
    'refuses %o for the %s trigger at startup',
    async (handler, trigger, message) => {
      await expect(
        createHandler(AppModule, { trigger, handler, logger: false }),
      ).rejects.toThrow(new LambdaHandlerDefinitionError(message));
      expect(OnSnsMessage).toBeTypeOf('function');
    },
  );

  it('serves only the given controllers', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'http-api',
      controllers: [OrdersController],
      logger: false,
    });
    expect(
      (await handler(httpApiEvent({ url: '/orders' }), lambdaContext()))
        .statusCode,
    ).toBe(200);
    expect(
      (await handler(httpApiEvent({ url: '/admin' }), lambdaContext()))
        .statusCode,
    ).toBe(404);
    await handler.app.close();
  });

  it('refuses controllers the application does not declare', async () => {
    await expect(
      createHandler(AppModule, {
        trigger: 'http-api',
        controllers: [StrayController],
        logger: false,
      }),
    ).rejects.toThrow(
      new LambdaHandlerDefinitionError(
        'Not a controller of any module of the application: StrayController.',
      ),
    );
  });

  it('exposes the application behind the handler', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'sqs',
      handler: SqsHandler,
      logger: false,
    });
    expect(handler.app.get(SqsHandler)).toBeInstanceOf(SqsHandler);
    await handler.app.close();
  });
});
