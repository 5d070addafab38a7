import type {
  APIGatewayProxyStructuredResultV2,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import {
  invokeBundleWithLogs,
  synthesizedFunctions,
} from './support/bundles.js';
import { mustRun } from '../../bench/support/exec.js';
import { REPO_ROOT } from '../support/cli.js';
import { GeneratedService, registryEnv } from './support/generated-service.js';

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

  it('is a git repository with its dependencies installed, the runtime and constructs from their packages', () => {
    expect(existsSync(join(service.dir, '.git'))).toBe(true);
    for (const pkg of [
      '@nestjs/core',
      '@create-nest-lambda/runtime',
      '@create-nest-lambda/cdk',
      'create-nest-lambda',
    ])
      expect(existsSync(join(service.dir, 'node_modules', pkg)), pkg).toBe(
        true,
      );
    expect(existsSync(join(service.dir, 'src/lambda'))).toBe(false);
  });

  it('names no folder of the machine it was made on, and depends on nothing by path', () => {
    const texts = projectFiles(service.dir).map((file) => [
      file,
      readFileSync(join(service.dir, file), 'utf8'),
    ]);
    for (const [file, text] of texts) {
      expect(text, file).not.toContain(REPO_ROOT.replace(/\/$/, ''));
      expect(text, file).not.toContain(service.dir);
      expect(text, file).not.toMatch(/"(file|link):/);
    }
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
      // Each function boots its own module graph, never AppModule.
      const root = fn.name === 'api' ? 'ApiModule' : 'OrderEventsModule';
      expect(logs, fn.name).toContain(`"${root} dependencies initialized"`);
      expect(logs, fn.name).not.toContain(
        '"AppModule dependencies initialized"',
      );
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

  it('a fresh git clone installs with npm ci and passes its tests', async () => {
    const clone = join(tempDir('clone'), 'orders-service');
    await mustRun('git', ['clone', '--quiet', service.dir, clone], {
      cwd: REPO_ROOT,
    });
    const env = registryEnv();
    const ci = await mustRun('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: clone,
      env,
    });
    service.timings.push({ step: 'clone: npm ci', seconds: ci.ms / 1000 });
    const test = await mustRun('npm', ['test'], { cwd: clone, env });
    service.timings.push({ step: 'clone: npm test', seconds: test.ms / 1000 });
  });

  it('runs a function locally with npm run invoke', async () => {
    const { stdout } = await service.script('invoke', 'api');
    expect(stdout).toMatch(/"statusCode": 200/);
  });
});

/** The files of the project in `dir` (no node_modules, .git or build output), except the lock file (its URLs name the registry it came from). */
function projectFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), {
      withFileTypes: true,
    })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (['node_modules', '.git', 'dist', 'cdk.out'].includes(entry.name))
        continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.name !== 'package-lock.json') files.push(path);
    }
  };
  walk('');
  return files;
}
