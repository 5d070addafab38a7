import type {
  APIGatewayProxyStructuredResultV2,
  SQSBatchResponse,
} from 'aws-lambda';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mustRun } from '../../bench/support/exec.js';
import { invokeBundle, synthesizedFunctions } from './support/bundles.js';
import { GeneratedService, registryEnv } from './support/generated-service.js';

interface Workflow {
  jobs: { test: { steps: { run?: string }[] } };
}

// Issue 15, items 5 and 10: a service without the sample domain passes everything the default
// scaffold passes, through the commands of its own CI workflow, and synthesizes a named stage.
describe('create-nest-lambda billing-service --minimal --triggers http-api,sqs:payments', () => {
  let service: GeneratedService;

  beforeAll(async () => {
    service = await GeneratedService.create('billing-service', [
      '--minimal',
      '--triggers',
      'http-api,sqs:payments',
    ]);
  });

  afterAll(() => service?.printTimings('Timings of the minimal scaffold:'));

  it('has only the functions asked for, and nothing of the sample domain', () => {
    expect(readdirSync(join(service.dir, 'src/functions')).sort()).toEqual([
      'http-api.cors.ts',
      'http-api.function.ts',
      'payments.function.ts',
    ]);
    for (const sample of ['orders', 'order-events', 'health', 'correlation'])
      expect(existsSync(join(service.dir, 'src', sample)), sample).toBe(false);
  });

  it('builds and type-checks', async () => {
    await service.script('build');
    await service.script('typecheck');
  });

  it("runs its deploy workflow's test job: lint, format, tests, and synth of the prod stage", async () => {
    const workflow = parse(
      readFileSync(join(service.dir, '.github/workflows/deploy.yml'), 'utf8'),
    ) as Workflow;
    const commands = workflow.jobs.test.steps
      .flatMap((step) => (step.run === undefined ? [] : [step.run]))
      // The install is the CLI's, which the scaffold above ran.
      .filter((command) => command !== 'npm ci')
      .map((command) =>
        command.replaceAll("${{ inputs.stage || 'dev' }}", 'prod'),
      );
    expect(commands).toEqual([
      'npm run lint',
      'npm run format:check',
      'npm run test',
      'npm run synth -- -c stage=prod',
    ]);

    for (const command of commands) {
      const { ms } = await mustRun('sh', ['-c', command], {
        cwd: service.dir,
        env: registryEnv(),
      });
      service.timings.push({ step: command, seconds: ms / 1000 });
    }
    expect(
      readdirSync(join(service.dir, 'cdk.out')).filter((file) =>
        file.endsWith('.template.json'),
      ),
    ).toEqual(['BillingService-prod.template.json']);
  });

  it('every bundle answers its sample event', async () => {
    const functions = synthesizedFunctions(service.dir);
    expect(functions.map((fn) => fn.name).sort()).toEqual([
      'http-api',
      'payments',
    ]);
    const event = (name: string) =>
      join(service.dir, 'test/events', `${name}.json`);
    for (const fn of functions) {
      const result = await invokeBundle(fn, event(fn.name));
      if (fn.name === 'http-api') {
        expect(
          (result as APIGatewayProxyStructuredResultV2).statusCode,
        ).toBeLessThan(300);
      } else {
        // The skeleton's sample event holds two valid messages.
        expect(result as SQSBatchResponse).toEqual({ batchItemFailures: [] });
      }
    }
  });
});
