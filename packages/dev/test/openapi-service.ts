// A throwaway service for nest-lambda-openapi's tests: real Nest modules (a DTO with
// class-validator decorators and a doc comment, controllers, entries calling createHandler), the
// tsconfig files of a generated project, a cdk.out template that gives one function the
// environment it needs to boot, and the repository's node_modules.
import { spawn } from 'node:child_process';
import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = (path: string) =>
  fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const bin = fileURLToPath(new URL('../dist/openapi-bin.js', import.meta.url));

/** The files of a service with an HTTP API (`api`), a REST API (`partner`) and an SQS function. */
export const OPENAPI_SERVICE: Readonly<Record<string, string>> = {
  'package.json': JSON.stringify({
    name: 'orders-service',
    version: '1.2.3',
    type: 'module',
    private: true,
  }),
  'tsconfig.json': readFileSync(
    repo('templates/project/tsconfig.json'),
    'utf8',
  ),
  'tsconfig.build.json': readFileSync(
    repo('templates/project/tsconfig.build.json'),
    'utf8',
  ),
  'src/orders/dto/create-order.dto.ts': `import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateOrderDto {
  /** What the customer calls the order. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  quantity?: number;
}
`,
  'src/orders/orders.controller.ts': `import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CreateOrderDto } from './dto/create-order.dto.js';

@Controller('orders')
export class OrdersController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    return { id };
  }

  @Post()
  create(@Body() dto: CreateOrderDto) {
    return dto;
  }
}
`,
  'src/orders/orders.module.ts': `import { Module } from '@nestjs/common';
import { OrdersController } from './orders.controller.js';

@Module({ controllers: [OrdersController] })
export class OrdersModule {}
`,
  'src/partner/partner.module.ts': `import { Controller, Get, Module } from '@nestjs/common';

@Controller('health')
export class HealthController {
  @Get()
  check() {
    return { ok: true };
  }
}

@Module({ controllers: [HealthController] })
export class PartnerModule {}
`,
  // Boots only with the environment its construct declares, and sets a global prefix.
  'src/functions/api.function.ts': `import type { INestApplication } from '@nestjs/common';
import { createHandler } from '@create-nest-lambda/runtime';
import { OrdersModule } from '../orders/orders.module.js';

if (!process.env.TABLE_NAME) throw new Error('TABLE_NAME is not set');

export const handler = await createHandler(OrdersModule, {
  trigger: 'http-api',
  configure: ({ app }) => {
    (app as INestApplication).setGlobalPrefix('v1');
  },
});
`,
  'src/functions/partner.function.ts': `import { createHandler } from '@create-nest-lambda/runtime';
import { PartnerModule } from '../partner/partner.module.js';

export const handler = await createHandler(PartnerModule, {
  trigger: 'rest-api',
});
`,
  'src/functions/jobs.function.ts': `// An event function: not documented. trigger: 'sqs'
export const handler = async () => ({ batchItemFailures: [] });
`,
  'cdk.out/Svc.template.json': JSON.stringify({
    Resources: {
      ApiFunctionA1: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Environment: { Variables: { TABLE_NAME: { Ref: 'OrdersTable' } } },
        },
        Metadata: { 'aws:cdk:path': 'Svc/Api/Function/Resource' },
      },
    },
  }),
};

/** Writes `files` to a new temporary folder with the repository's node_modules, and returns it. */
export function createOpenApiService(
  files: Readonly<Record<string, string>> = OPENAPI_SERVICE,
): string {
  const root = mkdtempSync(join(tmpdir(), 'nest-lambda-openapi-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  symlinkSync(repo('node_modules'), join(root, 'node_modules'));
  return root;
}

/** What a run of `nest-lambda-openapi` ended with. */
export interface OpenApiRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `nest-lambda-openapi` in `root`; killed after `ms`. */
export function runOpenApi(
  root: string,
  args: string[] = [],
  ms = 120_000,
): Promise<OpenApiRun> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    timeout: ms,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}
