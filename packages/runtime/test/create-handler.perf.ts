// Per-invocation and per-record cost of the kit against these baselines (one SQS record,
// Node 20): Nest standalone context with a singleton service 0.65 µs, with a request-scoped
// sub-tree per invocation ("the seed approach") 40 µs, Nest + Express behind serverless-express
// 116 µs. Targets: a singleton graph with the full pipeline at most 5 µs per record in a batch and
// 10 µs per invocation; a request-scoped graph with the full pipeline no slower than the seed.
// "Full pipeline" is one global guard, interceptor, pipe and exception filter, as APP_* providers.
// Run with `npm run perf`; per-record figures are the batch rows divided by 100.
import 'reflect-metadata';
import {
  Body,
  type CallHandler,
  type CanActivate,
  Catch,
  Controller,
  type ExceptionFilter,
  type ExecutionContext,
  Get,
  Inject,
  Injectable,
  Module,
  type NestInterceptor,
  type PipeTransform,
  Scope,
  ValidationPipe,
} from '@nestjs/common';
import {
  APP_FILTER,
  APP_GUARD,
  APP_INTERCEPTOR,
  APP_PIPE,
  ContextIdFactory,
  NestFactory,
  REQUEST,
} from '@nestjs/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { IsString } from 'class-validator';
import { map } from 'rxjs';
import { bench, describe } from 'vitest';
import { createHandler, LambdaHandler, OnSqsMessage } from '../src/index.js';
import { lambdaContext } from './support/context.js';
import { records } from './support/events.js';
import { httpApiEvent } from './support/http-events.js';

class MessageDto {
  @IsString() message!: string;
}

@Injectable()
class AllowGuard implements CanActivate {
  canActivate() {
    return true;
  }
}

@Injectable()
class MapInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler) {
    return next.handle().pipe(map((value: unknown) => value));
  }
}

@Injectable()
class IdentityPipe implements PipeTransform {
  transform(value: unknown) {
    return value;
  }
}

@Catch()
class RethrowFilter implements ExceptionFilter {
  catch(error: unknown) {
    throw error;
  }
}

@Injectable({ scope: Scope.REQUEST })
class Tenant {
  constructor(@Inject(REQUEST) readonly request: unknown) {}
}

@Injectable()
class Orders {
  count = 0;
  store(_order: unknown) {
    this.count += 1;
  }
}

@LambdaHandler()
class SingletonHandler {
  constructor(private readonly orders: Orders) {}
  @OnSqsMessage()
  handle(@Body() order: MessageDto) {
    this.orders.store(order);
  }
}

@LambdaHandler()
class ScopedHandler {
  constructor(
    private readonly orders: Orders,
    readonly tenant: Tenant,
  ) {}
  @OnSqsMessage()
  handle(@Body() order: MessageDto) {
    this.orders.store(order);
  }
}

@Controller('orders')
class OrdersController {
  constructor(private readonly orders: Orders) {}
  @Get()
  list() {
    this.orders.store({});
    return { ok: true };
  }
}

@Controller('tenant-orders')
class ScopedController {
  constructor(
    private readonly orders: Orders,
    readonly tenant: Tenant,
  ) {}
  @Get()
  list() {
    this.orders.store({});
    return { ok: true };
  }
}

const pipeline = (pipe: object) => [
  { provide: APP_GUARD, useClass: AllowGuard },
  { provide: APP_INTERCEPTOR, useClass: MapInterceptor },
  { provide: APP_PIPE, useValue: pipe },
  { provide: APP_FILTER, useClass: RethrowFilter },
];
const handlers = [Orders, Tenant, SingletonHandler, ScopedHandler];

@Module({
  controllers: [OrdersController, ScopedController],
  providers: [...handlers, ...pipeline(new IdentityPipe())],
})
class FullPipelineModule {}

@Module({ providers: [...handlers, ...pipeline(new ValidationPipe())] })
class ValidationModule {}

@Module({ providers: handlers })
class BareModule {}

const context = lambdaContext();
const batch: SQSEvent = {
  Records: records<SQSRecord>('sqs-base', 100, (record, index) => {
    record.messageId = `m-${index}`;
    record.body = '{"message":"foo1"}';
  }),
};
const single: SQSEvent = { Records: batch.Records.slice(0, 1) };

const options = { time: 1_000, warmupTime: 300 };
const invoke =
  <E>(handler: (event: E, context: Context) => Promise<unknown>, event: E) =>
  async () => {
    await handler(event, context);
  };
const quiet = { logger: false } as const;

// The seed approach: a cached standalone context and a request-scoped sub-tree per
// record, without guards, interceptors, pipes or filters.
const seedApp = await NestFactory.createApplicationContext(BareModule, quiet);
const seed = async (event: SQSEvent) => {
  for (const record of event.Records) {
    const contextId = ContextIdFactory.create();
    seedApp.registerRequestByContextId({ record }, contextId);
    const handler = await seedApp.resolve(ScopedHandler, contextId);
    handler.handle(JSON.parse(record.body) as MessageDto);
  }
};
const bare = await createHandler(BareModule, {
  trigger: 'sqs',
  handler: SingletonHandler,
  ...quiet,
});
const singleton = await createHandler(FullPipelineModule, {
  trigger: 'sqs',
  handler: SingletonHandler,
  ...quiet,
});
const validated = await createHandler(ValidationModule, {
  trigger: 'sqs',
  handler: SingletonHandler,
  ...quiet,
});
const scoped = await createHandler(FullPipelineModule, {
  trigger: 'sqs',
  handler: ScopedHandler,
  ...quiet,
});
const http = await createHandler(FullPipelineModule, {
  trigger: 'http-api',
  ...quiet,
});
const ordersEvent = httpApiEvent({ url: '/orders' });
const scopedOrdersEvent = httpApiEvent({ url: '/tenant-orders' });

describe('one SQS record per invocation', () => {
  bench(
    'seed approach: context id + resolve per invocation, no pipeline (baseline above: 40 µs)',
    async () => seed(single),
    options,
  );
  bench(
    'kit, singleton graph, no enhancers (baseline above, bare Nest: 0.65 µs)',
    invoke(bare, single),
    options,
  );
  bench(
    'kit, singleton graph, full pipeline (target ≤ 10 µs)',
    invoke(singleton, single),
    options,
  );
  bench(
    'kit, singleton graph, full pipeline with ValidationPipe',
    invoke(validated, single),
    options,
  );
  bench(
    'kit, request-scoped graph, full pipeline (target ≤ seed)',
    invoke(scoped, single),
    options,
  );
});

describe('batch of 100 SQS records per iteration (÷ 100 = per record)', () => {
  bench('seed approach, no pipeline', async () => seed(batch), options);
  bench('kit, singleton graph, no enhancers', invoke(bare, batch), options);
  bench(
    'kit, singleton graph, full pipeline (target ≤ 500 µs = 5 µs per record)',
    invoke(singleton, batch),
    options,
  );
  bench(
    'kit, singleton graph, full pipeline with ValidationPipe',
    invoke(validated, batch),
    options,
  );
  bench(
    'kit, request-scoped graph, full pipeline (target ≤ seed)',
    invoke(scoped, batch),
    options,
  );
});

describe('one HTTP API request per invocation', () => {
  bench(
    'kit, singleton controller, full pipeline (serverless-express: 116 µs)',
    invoke(http, ordersEvent),
    options,
  );
  bench(
    'kit, request-scoped controller, full pipeline',
    invoke(http, scopedOrdersEvent),
    options,
  );
});
