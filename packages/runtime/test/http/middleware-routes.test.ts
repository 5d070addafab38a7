import 'reflect-metadata';
import {
  Controller,
  Get,
  type INestApplication,
  type MiddlewareConsumer,
  Module,
} from '@nestjs/common';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type LambdaEntry } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent } from '../support/http-events.js';

type Next = () => void;
type Res = { setHeader(name: string, value: string): void };
const stamp = (name: string) => (_req: unknown, res: Res, next: Next) => {
  res.setHeader(name, 'yes');
  next();
};

@Controller()
class RootController {
  @Get()
  root() {
    return 'root';
  }

  @Get('items/:id')
  item() {
    return 'item';
  }
}

@Module({ controllers: [RootController] })
class AppModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(stamp('x-star')).forRoutes('*'); // legacy syntax, from Nest's docs
    consumer.apply(stamp('x-splat')).forRoutes('{*splat}');
    consumer.apply(stamp('x-items')).forRoutes('items/*');
  }
}

describe("middleware paths, as Nest's ExpressAdapter applies them", () => {
  let handler: LambdaEntry<
    APIGatewayProxyEventV2,
    APIGatewayProxyStructuredResultV2
  >;

  beforeAll(async () => {
    handler = await createHandler(AppModule, {
      trigger: 'http-api',
      logger: false,
      configure: ({ app }) => {
        (app as INestApplication).setGlobalPrefix('api');
      },
    });
  });
  afterAll(() => handler.app.close());

  it.each([
    ['/api', { 'x-star': 'yes', 'x-splat': 'yes' }, ['x-items']],
    ['/api/', { 'x-star': 'yes', 'x-splat': 'yes' }, ['x-items']],
    [
      '/api/items/7',
      { 'x-star': 'yes', 'x-splat': 'yes', 'x-items': 'yes' },
      [],
    ],
  ])(
    'runs forRoutes("*"), "{*splat}" and "items/*" for %s',
    async (url, present, absent) => {
      const result = await handler(httpApiEvent({ url }), lambdaContext());
      expect(result.statusCode).toBe(200);
      expect(result.headers).toMatchObject(present);
      for (const name of absent)
        expect(result.headers).not.toHaveProperty(name);
    },
  );
});
