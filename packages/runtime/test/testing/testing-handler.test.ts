import 'reflect-metadata';
import {
  Body,
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  type OnModuleDestroy,
} from '@nestjs/common';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type {
  APIGatewayProxyStructuredResultV2,
  SQSBatchResponse,
} from 'aws-lambda';
import { LambdaHandler, OnSqsMessage } from '../../src/index.js';
import {
  createTestingHandler,
  httpApiEvent,
  lambdaContext,
  sqsEvent,
} from '../../src/testing/index.js';

@Injectable()
class Greeter {
  greet(name: string) {
    return `Hello, ${name}`;
  }
}

@Injectable()
class Prefix {
  readonly value = 'real';
}

@Injectable()
class Shutdown implements OnModuleDestroy {
  static readonly destroyed = vi.fn();
  onModuleDestroy() {
    Shutdown.destroyed();
  }
}

@LambdaHandler()
class GreetingsHandler {
  constructor(@Inject(Greeter) private readonly greeter: Greeter) {}

  @OnSqsMessage()
  handle(@Body() body: { name: string }) {
    if (this.greeter.greet(body.name) !== 'Hello, ok')
      throw new Error('refused');
  }
}

@Controller('greetings')
class GreetingsController {
  constructor(@Inject(Greeter) private readonly greeter: Greeter) {}

  @Get()
  greet() {
    return { greeting: this.greeter.greet('http') };
  }
}

@Module({
  providers: [Greeter, Prefix, Shutdown, GreetingsHandler],
  controllers: [GreetingsController],
})
class GreetingsModule {}

describe('createTestingHandler', () => {
  it('is the typed handler of createHandler, context optional', async () => {
    const handler = await createTestingHandler(GreetingsModule, {
      trigger: 'sqs',
      handler: GreetingsHandler,
      logger: false,
    });
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<SQSBatchResponse>();

    const event = sqsEvent({
      records: [{ body: { name: 'ok' } }, { body: { name: 'no' } }],
    });
    expect(await handler(event)).toEqual({
      batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }],
    });
    expect(
      await handler(sqsEvent({ body: { name: 'ok' } }), lambdaContext('x')),
    ).toEqual({
      batchItemFailures: [],
    });
    await handler.close();
  });

  it('replaces a provider with useValue, anywhere in the graph', async () => {
    const handler = await createTestingHandler(GreetingsModule, {
      trigger: 'sqs',
      handler: GreetingsHandler,
      logger: false,
      overrides: [{ provide: Greeter, useValue: { greet: () => 'Hello, ok' } }],
    });

    const event = sqsEvent({ body: { name: 'no' } });
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    await handler.close();
  });

  it('replaces providers with useClass and useFactory (with inject), for an HTTP trigger', async () => {
    class FakeGreeter {
      greet = (name: string) => `Hi, ${name}`;
    }
    const handler = await createTestingHandler(GreetingsModule, {
      trigger: 'http-api',
      controllers: [GreetingsController],
      logger: false,
      overrides: [
        { provide: Greeter, useClass: FakeGreeter },
        {
          provide: Prefix,
          useFactory: (greeter: Greeter) => ({ value: greeter.greet('f') }),
          inject: [Greeter],
        },
      ],
    });
    expectTypeOf(
      handler,
    ).returns.resolves.toEqualTypeOf<APIGatewayProxyStructuredResultV2>();

    const result = await handler(httpApiEvent({ path: '/greetings' }));
    expect(result).toMatchObject({
      statusCode: 200,
      body: '{"greeting":"Hi, http"}',
    });
    expect(handler.app.get(Prefix)).toEqual({ value: 'Hi, f' });
    await handler.close();
  });

  it('close() ends the application and runs its shutdown hooks', async () => {
    const handler = await createTestingHandler(GreetingsModule, {
      trigger: 'sqs',
      handler: GreetingsHandler,
      logger: false,
    });
    Shutdown.destroyed.mockClear();

    await handler.close();

    expect(Shutdown.destroyed).toHaveBeenCalledOnce();
  });
});
