import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import {
  Body,
  Controller,
  Get,
  type INestApplication,
  Module,
  Param,
  Post,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ExpressAdapter,
  type NestExpressApplication,
} from '@nestjs/platform-express';
import {
  ApiProperty,
  DocumentBuilder,
  type OpenAPIObject,
  SwaggerModule,
} from '@nestjs/swagger';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type LambdaEntry } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent } from '../support/http-events.js';

class CreateOrderDto {
  @ApiProperty({ maxLength: 100 })
  name: string;
}

@Controller('orders')
class OrdersController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    return { id };
  }

  @Post()
  create(@Body() dto: CreateOrderDto) {
    return dto;
  }
}

@Module({ controllers: [OrdersController] })
class OrdersModule {}

const documentOf = (app: INestApplication): OpenAPIObject =>
  SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('orders').setVersion('1.0.0').build(),
  );

// The document only (`ui: false`): the UI's assets are files the function does not have.
const serveDocument = (app: INestApplication) =>
  SwaggerModule.setup('docs', app, documentOf(app), { ui: false });

describe('SwaggerModule.setup in a function', () => {
  let reference: INestApplication;
  let base: string;
  let handler: LambdaEntry<unknown, unknown>;

  beforeAll(async () => {
    reference = await NestFactory.create(OrdersModule, new ExpressAdapter(), {
      logger: false,
    });
    serveDocument(reference);
    await reference.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(reference.getHttpServer().address() as AddressInfo).port}`;
    handler = await createHandler(OrdersModule, {
      trigger: 'http-api',
      logger: false,
      configure: ({ app }) => serveDocument(app as INestApplication),
    });
  });

  afterAll(async () => {
    await reference.close();
    await handler.app.close();
  });

  it.each(['/docs-json', '/docs-yaml'])(
    'serves %s as @nestjs/platform-express does over HTTP',
    async (path) => {
      const expected = await fetch(`${base}${path}`);
      const actual = (await handler(
        httpApiEvent({ url: path }),
        lambdaContext(),
      )) as APIGatewayProxyStructuredResultV2;
      expect(actual.statusCode).toBe(expected.status);
      expect(actual.headers?.['content-type']).toBe(
        expected.headers.get('content-type'),
      );
      expect(actual.body).toBe(await expected.text());
    },
  );

  it('serves a document with the paths and the DTO schema', async () => {
    const result = (await handler(
      httpApiEvent({ url: '/docs-json' }),
      lambdaContext(),
    )) as APIGatewayProxyStructuredResultV2;
    const document = JSON.parse(result.body!) as OpenAPIObject;
    expect(document.openapi).toBe('3.0.0');
    expect(Object.keys(document.paths)).toEqual(['/orders/{id}', '/orders']);
    expect(document.components?.schemas?.['CreateOrderDto']).toEqual({
      type: 'object',
      properties: { name: { type: 'string', maxLength: 100 } },
      required: ['name'],
    });
  });

  it('with the UI, makes createHandler fail at init, naming Swagger and the fix', async () => {
    await expect(
      createHandler(OrdersModule, {
        trigger: 'http-api',
        logger: false,
        configure: ({ app }) => {
          const http = app as INestApplication;
          SwaggerModule.setup('docs', http, documentOf(http));
        },
      }),
    ).rejects.toThrow(
      "SwaggerModule.setup: the Swagger UI's assets are files a Lambda function does not serve; pass { ui: false } to serve the document only",
    );
  });

  it('keeps the general message for other static assets', async () => {
    await expect(
      createHandler(OrdersModule, {
        trigger: 'http-api',
        logger: false,
        configure: ({ app }) => {
          (app as NestExpressApplication).useStaticAssets('public');
        },
      }),
    ).rejects.toThrow(
      'Static assets are not served by Lambda functions; put them on S3/CloudFront.',
    );
  });
});
