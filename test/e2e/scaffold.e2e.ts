import type {
  APIGatewayProxyStructuredResultV2,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import {
  invokeBundleWithLogs,
  synthesizedFunctions,
} from './support/bundles.js';
import { GeneratedService } from './support/generated-service.js';

// The default scaffold, end to end: what `npx create-nest-lambda orders-service` gives a user.
describe('create-nest-lambda orders-service (http-api, sqs)', () => {
  let service: GeneratedService;

  beforeAll(async () => {
    const scaffoldOnly = await runCli(
      ['timing-probe', '--yes', '--skip-install', '--skip-git'],
      tempDir('probe'),
    );
    expect(scaffoldOnly.code).toBe(0);
    service = await GeneratedService.create('orders-service');
    service.timings.unshift({
      step: 'scaffold (--skip-install)',
      seconds: scaffoldOnly.ms / 1000,
    });
  });

  afterAll(() => service?.printTimings('Timings of the default scaffold:'));

  it('is a git repository with its dependencies installed', () => {
    expect(existsSync(join(service.dir, '.git'))).toBe(true);
    expect(existsSync(join(service.dir, 'node_modules/@nestjs/core'))).toBe(
      true,
    );
  });

  it('builds, type-checks, lints and is formatted as generated', async () => {
    await service.script('build');
    await service.script('typecheck');
    await service.script('lint');
    await service.script('format:check');
  });

  it('passes its own tests', async () => {
    await service.script('test');
  });

  it('synthesizes, and every bundle answers its own sample event', async () => {
    await service.script('synth');
    const functions = synthesizedFunctions(service.dir);
    expect(functions.map((fn) => fn.name).sort()).toEqual([
      'api',
      'order-events',
    ]);

    const event = (name: string) =>
      join(service.dir, 'test/events', `${name}.json`);
    for (const fn of functions) {
      // At DEBUG, the kit's logger also writes Nest's startup lines.
      const { result, logs } = await invokeBundleWithLogs(fn, event(fn.name), {
        POWERTOOLS_LOG_LEVEL: 'DEBUG',
      });
      // Class names survive bundling (esbuild's keepNames), tsc's aliases of self-referencing
      // classes (LambdaModule_1) included: Nest's logs name modules, ORMs name tables after them.
      expect(logs, fn.name).toContain('"AppModule dependencies initialized"');
      expect(logs, fn.name).toContain(
        '"LambdaModule dependencies initialized"',
      );
      if (fn.name === 'api') {
        const response = result as APIGatewayProxyStructuredResultV2;
        expect(response.statusCode).toBe(200);
        expect(JSON.parse(response.body ?? '')).toEqual({ status: 'ok' });
      } else {
        const sample = JSON.parse(
          readFileSync(event(fn.name), 'utf8'),
        ) as SQSEvent;
        expect(result as SQSBatchResponse).toEqual({
          batchItemFailures: [{ itemIdentifier: sample.Records[1].messageId }],
        });
      }
    }
  });

  it('runs a function locally with npm run invoke', async () => {
    const { stdout } = await service.script('invoke', 'api');
    expect(stdout).toMatch(/"statusCode": 200/);
  });
});
