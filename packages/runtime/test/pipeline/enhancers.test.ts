import 'reflect-metadata';
import {
  type ArgumentsHost,
  Body,
  type CallHandler,
  type CanActivate,
  Catch,
  Controller,
  type ExceptionFilter,
  type ExecutionContext,
  Injectable,
  Module,
  type NestInterceptor,
  Post,
  type Type,
  UseGuards,
  UseInterceptors,
  ValidationPipe,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { APIGatewayProxyEventV2, SQSEvent, SQSRecord } from 'aws-lambda';
import { IsInt, IsString, Min } from 'class-validator';
import { map, tap } from 'rxjs';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  createHandler,
  getLambdaInvocation,
  LambdaHandler,
  type LambdaHttpRequest,
  type LambdaAppConfig,
  type LambdaHttpResponse,
  OnSqsMessage,
  type RootModule,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { records } from '../support/events.js';
import { httpApiEvent } from '../support/http-events.js';
import { recordingLogger } from '../support/logs.js';

const trail: string[] = [];

class CreateOrderDto {
  @IsString() sku!: string;
  @IsInt() @Min(1) quantity!: number;
}

class InsufficientFunds extends Error {}
class Declined extends Error {}

/** Refuses what carries `deny`: an HTTP header or an SQS message attribute. */
@Injectable()
class DenyGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    const invocation = getLambdaInvocation(context);
    trail.push(`guard:global:${context.getType()}:${invocation.trigger}`);
    if (context.getType() === 'http') {
      return (
        context.switchToHttp().getRequest<LambdaHttpRequest>().headers[
          'x-deny'
        ] === undefined
      );
    }
    return (
      (invocation.record as SQSRecord).messageAttributes['deny'] === undefined
    );
  }
}

@Injectable()
class ClassGuard implements CanActivate {
  canActivate() {
    trail.push('guard:class');
    return true;
  }
}

@Injectable()
class MethodGuard implements CanActivate {
  canActivate() {
    trail.push('guard:method');
    return true;
  }
}

@Injectable()
class EnvelopeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    trail.push(`interceptor:before:${context.getType()}`);
    return next.handle().pipe(
      tap(() => trail.push(`interceptor:after:${context.getType()}`)),
      map((data: unknown) => ({ data })),
    );
  }
}

@Injectable()
class MethodInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler) {
    trail.push('interceptor:method');
    return next.handle();
  }
}

/** Maps InsufficientFunds: a 402 over HTTP; for a record, the error it should be retried with. */
@Catch(InsufficientFunds)
class FundsFilter implements ExceptionFilter {
  catch(error: InsufficientFunds, host: ArgumentsHost) {
    if (host.getType() === 'http') {
      host
        .switchToHttp()
        .getResponse<LambdaHttpResponse>()
        .status(402)
        .json({ reason: error.message });
      return;
    }
    throw new Error(`retry later: ${error.message}`);
  }
}

/** A declined payment is final: the record counts as processed (the filter returns a value). */
@Catch(Declined)
class DeclinedFilter implements ExceptionFilter {
  catch() {
    trail.push('filter:declined');
    return { skipped: true };
  }
}

@Controller('orders')
@UseGuards(ClassGuard)
class OrdersController {
  @Post()
  @UseGuards(MethodGuard)
  @UseInterceptors(MethodInterceptor)
  create(@Body() order: CreateOrderDto) {
    if (order.sku === 'broke') throw new InsufficientFunds('balance too low');
    return { isDto: order instanceof CreateOrderDto, sku: order.sku };
  }
}

@LambdaHandler()
@UseGuards(ClassGuard)
class OrdersHandler {
  readonly stored: unknown[] = [];

  @OnSqsMessage()
  @UseGuards(MethodGuard)
  @UseInterceptors(MethodInterceptor)
  handle(@Body() order: CreateOrderDto) {
    trail.push('handler');
    if (order.sku === 'broke') throw new InsufficientFunds('balance too low');
    if (order.sku === 'declined') throw new Declined();
    this.stored.push({
      isDto: order instanceof CreateOrderDto,
      sku: order.sku,
    });
  }
}

@Module({
  controllers: [OrdersController],
  providers: [
    OrdersHandler,
    { provide: APP_GUARD, useClass: DenyGuard },
    { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
    { provide: APP_PIPE, useValue: new ValidationPipe({ transform: true }) },
    { provide: APP_FILTER, useClass: FundsFilter },
    { provide: APP_FILTER, useClass: DeclinedFilter },
  ],
})
class AppModule {}

const sqsBatch = (
  ...messages: Array<{ body: unknown; deny?: boolean }>
): SQSEvent => ({
  Records: records<SQSRecord>('sqs-base', messages.length, (record, index) => {
    record.messageId = `m-${index}`;
    record.body = JSON.stringify(messages[index]!.body);
    record.messageAttributes = messages[index]!.deny
      ? {
          deny: {
            dataType: 'String',
            stringValue: 'yes',
            stringListValues: [],
            binaryListValues: [],
          },
        }
      : {};
  }),
});

const post = (
  json: unknown,
  headers: { [name: string]: string } = {},
): APIGatewayProxyEventV2 =>
  httpApiEvent({ method: 'POST', url: '/orders', json, headers });

/** What a test changes of the application it boots: `AppModule` unless told. */
interface Setup {
  readonly module?: RootModule;
  readonly configure?: (config: LambdaAppConfig) => void;
}

/** Boots `module` for HTTP API; the application closes when the test ends, passed or failed. */
async function overHttp({ module = AppModule, configure }: Setup = {}) {
  const handler = await createHandler(module, {
    trigger: 'http-api',
    logger: false,
    ...(configure && { configure }),
  });
  onTestFinished(() => handler.app.close());
  return handler;
}

/**
 * Boots `module` for SQS with `handlerClass`, logging to a recording logger (`failures` reads the
 * lines of failed records); the application closes when the test ends, passed or failed.
 */
async function overSqs(
  handlerClass: Type = OrdersHandler,
  { module = AppModule, configure }: Setup = {},
) {
  const { logger, failures } = recordingLogger();
  const handler = await createHandler(module, {
    trigger: 'sqs',
    handler: handlerClass,
    logger,
    ...(configure && { configure }),
  });
  onTestFinished(() => handler.app.close());
  return { handler, failures };
}

describe('guards, interceptors, pipes and filters', () => {
  beforeEach(() => {
    trail.length = 0;
  });

  describe('over HTTP', () => {
    it("runs global, class and method enhancers in Nest's order", async () => {
      const handler = await overHttp();
      const result = await handler(
        post({ sku: 'A-1', quantity: 2 }),
        lambdaContext(),
      );
      expect(result.statusCode).toBe(201);
      expect(JSON.parse(result.body!)).toEqual({
        data: { isDto: true, sku: 'A-1' },
      });
      expect(trail).toEqual([
        'guard:global:http:http-api',
        'guard:class',
        'guard:method',
        'interceptor:before:http',
        'interceptor:method',
        'interceptor:after:http',
      ]);
    });

    it('answers 403 when a global guard refuses', async () => {
      const handler = await overHttp();
      const result = await handler(
        post({ sku: 'A-1', quantity: 1 }, { 'x-deny': '1' }),
        lambdaContext(),
      );
      expect(result.statusCode).toBe(403);
      expect(JSON.parse(result.body!)).toEqual({
        message: 'Forbidden resource',
        error: 'Forbidden',
        statusCode: 403,
      });
    });

    it('answers 400 when the global ValidationPipe rejects the body', async () => {
      const handler = await overHttp();
      const result = await handler(
        post({ sku: 7, quantity: 0 }),
        lambdaContext(),
      );
      expect(result.statusCode).toBe(400);
      expect(JSON.parse(result.body!)).toEqual({
        message: ['sku must be a string', 'quantity must not be less than 1'],
        error: 'Bad Request',
        statusCode: 400,
      });
    });

    it('lets a global filter map a custom exception', async () => {
      const handler = await overHttp();
      const result = await handler(
        post({ sku: 'broke', quantity: 1 }),
        lambdaContext(),
      );
      expect(result.statusCode).toBe(402);
      expect(JSON.parse(result.body!)).toEqual({ reason: 'balance too low' });
    });
  });

  describe('over SQS, per record', () => {
    it("runs global, class and method enhancers in Nest's order", async () => {
      const { handler } = await overSqs();
      const result = await handler(
        sqsBatch({ body: { sku: 'A-1', quantity: 2 } }),
        lambdaContext(),
      );
      expect(result).toEqual({ batchItemFailures: [] });
      expect(handler.app.get(OrdersHandler).stored).toEqual([
        { isDto: true, sku: 'A-1' },
      ]);
      expect(trail).toEqual([
        'guard:global:lambda:sqs',
        'guard:class',
        'guard:method',
        'interceptor:before:lambda',
        'interceptor:method',
        'handler',
        'interceptor:after:lambda',
      ]);
    });

    it('reports a record refused by a global guard as failed', async () => {
      const { handler, failures } = await overSqs();
      const result = await handler(
        sqsBatch(
          { body: { sku: 'A-1', quantity: 1 }, deny: true },
          { body: { sku: 'A-2', quantity: 1 } },
        ),
        lambdaContext({ awsRequestId: 'r-guard' }),
      );
      expect(result).toEqual({
        batchItemFailures: [{ itemIdentifier: 'm-0' }],
      });
      expect(handler.app.get(OrdersHandler).stored).toEqual([
        { isDto: true, sku: 'A-2' },
      ]);
      expect(failures()).toEqual([
        'Record m-0 of sqs request r-guard failed: ForbiddenException: Forbidden resource',
      ]);
    });

    it('reports a record the global ValidationPipe rejects as failed', async () => {
      const { handler, failures } = await overSqs();
      const result = await handler(
        sqsBatch(
          { body: { sku: 'A-1', quantity: 0 } },
          { body: { sku: 'A-2', quantity: 3 } },
        ),
        lambdaContext({ awsRequestId: 'r-pipe' }),
      );
      expect(result).toEqual({
        batchItemFailures: [{ itemIdentifier: 'm-0' }],
      });
      expect(failures()).toEqual([
        'Record m-0 of sqs request r-pipe failed: BadRequestException: quantity must not be less than 1',
      ]);
    });

    it('lets a global filter map a custom exception to the error the record fails with', async () => {
      const { handler, failures } = await overSqs();
      const result = await handler(
        sqsBatch({ body: { sku: 'broke', quantity: 1 } }),
        lambdaContext({ awsRequestId: 'r-f' }),
      );
      expect(result).toEqual({
        batchItemFailures: [{ itemIdentifier: 'm-0' }],
      });
      expect(failures()).toEqual([
        'Record m-0 of sqs request r-f failed: Error: retry later: balance too low',
      ]);
    });

    it('counts a record as processed when a filter returns a value', async () => {
      const { handler } = await overSqs();
      const result = await handler(
        sqsBatch({ body: { sku: 'declined', quantity: 1 } }),
        lambdaContext(),
      );
      expect(result).toEqual({ batchItemFailures: [] });
      expect(trail).toContain('filter:declined');
    });
  });

  describe('useGlobal* through configure', () => {
    @LambdaHandler()
    class PlainHandler {
      readonly seen: unknown[] = [];
      @OnSqsMessage()
      handle(@Body() order: CreateOrderDto) {
        this.seen.push(order);
      }
    }

    @Controller('plain')
    class PlainController {
      @Post()
      create(@Body() order: CreateOrderDto) {
        return order;
      }
    }

    @Module({ controllers: [PlainController], providers: [PlainHandler] })
    class PlainModule {}

    const configure = ({
      useGlobalPipes,
      useGlobalGuards,
    }: {
      useGlobalPipes: (...pipes: ValidationPipe[]) => void;
      useGlobalGuards: (...guards: CanActivate[]) => void;
    }) => {
      useGlobalPipes(new ValidationPipe());
      useGlobalGuards(new DenyGuard());
    };

    it('applies global pipes and guards to records', async () => {
      const { handler } = await overSqs(PlainHandler, {
        module: PlainModule,
        configure,
      });
      const result = await handler(
        sqsBatch(
          { body: { sku: 'A', quantity: 0 } },
          { body: { sku: 'B', quantity: 1 }, deny: true },
          { body: { sku: 'C', quantity: 1 } },
        ),
        lambdaContext(),
      );
      expect(result.batchItemFailures).toEqual([
        { itemIdentifier: 'm-0' },
        { itemIdentifier: 'm-1' },
      ]);
      expect(handler.app.get(PlainHandler).seen).toEqual([
        { sku: 'C', quantity: 1 },
      ]);
    });

    it('applies global pipes and guards to routes', async () => {
      const handler = await overHttp({ module: PlainModule, configure });
      const bad = await handler(
        httpApiEvent({ method: 'POST', url: '/plain', json: { sku: 1 } }),
        lambdaContext(),
      );
      expect(bad.statusCode).toBe(400);
      const denied = await handler(
        httpApiEvent({
          method: 'POST',
          url: '/plain',
          json: { sku: 'A', quantity: 1 },
          headers: { 'x-deny': '1' },
        }),
        lambdaContext(),
      );
      expect(denied.statusCode).toBe(403);
    });
  });
});
