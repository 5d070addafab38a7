import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type LambdaEntry } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent } from '../support/http-events.js';

class CreateOrderDto {
  @ApiProperty({ maxLength: 100 })
  name!: string;
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
  let handler: LambdaEntry<
    APIGatewayProxyEventV2,
    APIGatewayProxyStructuredResultV2
  >;

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
      const actual = await handler(
        httpApiEvent({ url: path }),
        lambdaContext(),
      );
      expect(actual.statusCode).toBe(expected.status);
      expect(actual.headers?.['content-type']).toBe(
        expected.headers.get('content-type'),
      );
      expect(actual.body).toBe(await expected.text());
    },
  );

  it('serves a document with the paths and the DTO schema', async () => {
    const result = await handler(
      httpApiEvent({ url: '/docs-json' }),
      lambdaContext(),
    );
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
      'SwaggerModule.setup: a Lambda function cannot serve the Swagger UI (its assets are files the bundle does not carry); pass { ui: false } to serve the document only',
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

// In Lambda the bundle carries no swagger-ui-dist files: bundled as NestFunction bundles a service
// (ESM, CommonJS shims, Nest's optional packages and @fastify/static left out) and run from a
// folder without node_modules, the UI still fails at init with the same message, and `ui: false`
// starts.
describe('SwaggerModule.setup in a bundled function', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnl-swagger-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const index = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
  const bundle = join(dir, 'function.mjs');

  beforeAll(async () => {
    const contents = `import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createHandler } from ${JSON.stringify(index)};

class HealthController { check() { return { ok: true }; } }
Get()(HealthController.prototype, 'check', Object.getOwnPropertyDescriptor(HealthController.prototype, 'check'));
Controller('health')(HealthController);
class HealthModule {}
Module({ controllers: [HealthController] })(HealthModule);

try {
  await createHandler(HealthModule, {
    trigger: 'http-api',
    logger: false,
    configure: ({ app }) => SwaggerModule.setup('docs', app,
      SwaggerModule.createDocument(app, new DocumentBuilder().build()),
      { ui: process.env.SWAGGER_UI === 'true' }),
  });
  console.log('started');
} catch (error) {
  console.log(error.message);
}
`;
    await build({
      // Resolved from here, for the repository's packages; written outside, away from them.
      stdin: {
        contents,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        sourcefile: 'entry.mjs',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      mainFields: ['module', 'main'],
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      outfile: bundle,
      // As NestFunction's externalModules for a service that depends on none of them, and
      // @fastify/static, which @nestjs/swagger imports only on Fastify.
      external: [
        '@nestjs/microservices',
        '@nestjs/websockets',
        '@nestjs/platform-express',
        'class-transformer',
        'class-validator',
        '@aws-lambda-powertools/idempotency',
        '@aws-lambda-powertools/metrics',
        '@aws-lambda-powertools/tracer',
        '@fastify/static',
      ],
      logLevel: 'silent',
    });
  }, 60_000);

  const start = (ui: boolean) =>
    execFileSync(process.execPath, [bundle], {
      cwd: dir,
      env: { ...process.env, SWAGGER_UI: String(ui) },
      encoding: 'utf8',
      timeout: 60_000,
    }).trim();

  it('fails at init with the UI, naming Swagger and the fix', () => {
    expect(start(true)).toMatch(
      /^SwaggerModule\.setup: a Lambda function cannot serve the Swagger UI/,
    );
  });

  it('starts with { ui: false }', () => {
    expect(start(false)).toBe('started');
  });
});
