import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nestNewApp, runCli, tempDir } from '../support/cli.js';
import { mustRun } from '../../bench/support/exec.js';
import { invokeBundle, synthesizedFunctions } from './support/bundles.js';
import { registryEnv } from './support/generated-service.js';

interface Timing {
  step: string;
  seconds: number;
}

// An app made by the real `nest new` (Nest 12, the CLI this repository pins), turned into a Lambda
// service by `create-nest-lambda init`, then grown with `nest g` like a generated service.
describe('create-nest-lambda init in a nest new app', () => {
  const timings: Timing[] = [];
  let dir: string;
  const run = async (step: string, command: string, args: string[]) => {
    const result = await mustRun(command, args, {
      cwd: dir,
      env: registryEnv(),
    });
    timings.push({ step, seconds: result.ms / 1000 });
    return result;
  };
  const script = (name: string) => run(`npm run ${name}`, 'npm', ['run', name]);

  beforeAll(async () => {
    const created = await nestNewApp(tempDir('init-app'));
    dir = created.dir;
    timings.push({
      step: 'nest new --skip-install',
      seconds: created.ms / 1000,
    });
    await run('npm install (nest new app)', 'npm', [
      'install',
      '--no-audit',
      '--no-fund',
    ]);
  });

  afterAll(() => {
    const rows = timings.map(
      (t) => `  ${t.step.padEnd(34)} ${t.seconds.toFixed(1).padStart(7)} s`,
    );
    console.log(`Timings of init in a nest new app:\n${rows.join('\n')}`);
  });

  it('adds Lambda support and installs what it added', async () => {
    const result = await runCli(['init'], dir, registryEnv());
    timings.push({
      step: 'create-nest-lambda init + install',
      seconds: result.ms / 1000,
    });

    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(existsSync(join(dir, 'node_modules/aws-cdk-lib'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules/create-nest-lambda'))).toBe(true);
  });

  it('grows with nest g through the collection init named', async () => {
    const result = await run('nest g lambda-handler (sqs)', 'npx', [
      'nest',
      'g',
      'lambda-handler',
      'payments',
      '--type',
      'sqs',
    ]);
    // The schematics CLI that `nest g` runs colours its lines even without a terminal.
    const output = stripVTControlCharacters(result.stdout);
    expect(output).toMatch(/UPDATE src\/app\.module\.ts/);
    expect(output).toMatch(/UPDATE infra\/service\.stack\.ts/);
  });

  it('builds, type-checks, passes its tests (the app spec included), lints and is formatted', async () => {
    await script('build');
    await script('typecheck');
    const tests = await script('test');
    expect(tests.stdout).toMatch(/src\/app\.controller\.spec\.ts/);
    expect(tests.stdout).toMatch(/test\/functions\/api\.function\.spec\.ts/);
    await script('lint');
    await script('format:check');
  });

  it("synthesizes, and the api bundle answers GET / with the app's own controller", async () => {
    await script('synth');
    const functions = synthesizedFunctions(dir);
    expect(functions.map((fn) => fn.name).sort()).toEqual(['api', 'payments']);

    for (const fn of functions) {
      const result = await invokeBundle(
        fn,
        join(dir, 'test/events', `${fn.name}.json`),
      );
      if (fn.name === 'api') {
        expect(result).toMatchObject({ statusCode: 200, body: 'Hello World!' });
      } else {
        expect(result).toEqual({ batchItemFailures: [] });
      }
    }
  });
});
