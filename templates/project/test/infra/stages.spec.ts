import { App } from 'aws-cdk-lib';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { addServiceStack, UnknownStageError } from '../../infra/service.app.js';
import {
  DEFAULT_STAGE,
  SERVICE_NAME,
  STACK_NAME,
  STAGES,
} from '../../infra/service.config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The feature flags `cdk synth` runs with; bundling is skipped, as in service.stack.spec.ts.
const { context } = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'),
) as { context?: Record<string, unknown> };

/** The cloud assembly `cdk synth -c stage=<stage>` would write, without the bundles. */
function synthesize(stage?: string) {
  const app = new App({
    context: {
      ...context,
      'aws:cdk:bundling-stacks': [],
      ...(stage === undefined ? {} : { stage }),
    },
  });
  addServiceStack(app);
  return app.synth();
}

// Synthesizing loads much of aws-cdk-lib, and the last test starts cdk's own process: slow on a busy machine.
describe('stages', { timeout: 60_000 }, () => {
  it.each(Object.entries(STAGES))(
    '-c stage=%s synthesizes its own stack, with its settings',
    (stage, settings) => {
      const [stack, ...others] = synthesize(stage).stacks;

      expect(others).toEqual([]);
      expect(stack?.stackName).toBe(`${STACK_NAME}-${stage}`);
      expect(stack?.terminationProtection ?? false).toBe(
        settings.terminationProtection,
      );
      expect(stack?.tags).toEqual({ service: SERVICE_NAME, stage });
    },
  );

  it(`is ${DEFAULT_STAGE} when no stage is given`, () => {
    expect(synthesize().stacks.map((stack) => stack.stackName)).toEqual([
      `${STACK_NAME}-${DEFAULT_STAGE}`,
    ]);
  });

  it('refuses a stage that STAGES does not list', () => {
    expect(() => synthesize('constructor')).toThrow(UnknownStageError);
  });

  it('cdk gets one line that names the stages, and a failed exit', async () => {
    // infra/main.ts as cdk runs it: the context comes in CDK_CONTEXT_JSON.
    const run = promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'infra/main.ts'],
      {
        cwd: root,
        env: { ...process.env, CDK_CONTEXT_JSON: '{"stage":"qa"}' },
        timeout: 60_000,
      },
    );

    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: `Error: unknown stage "qa"; pass -c stage=<name> with one of: ${Object.keys(STAGES).join(', ')}, or add it to STAGES in infra/service.config.ts.\n`,
    });
  });
});
