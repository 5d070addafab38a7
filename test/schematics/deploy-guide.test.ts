import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { REPO_ROOT, tempDir } from '../support/cli.js';
import { collectionRunner } from '../support/schematics.js';

// Issue 15, item 10: how a generated service gets to AWS. Its README says it, its CI workflow
// does it, and its CDK app deploys one stack per stage.

const runner = collectionRunner();

function scaffold(options: Record<string, unknown> = {}) {
  return runner.runSchematic('application', {
    name: 'orders-service',
    directory: '.',
    triggers: 'sqs',
    minimal: true,
    ...options,
  });
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { workflow_dispatch: { inputs: { stage: { options: string[] } } } };
  jobs: Record<
    string,
    { needs?: string; permissions?: Record<string, string>; steps: Step[] }
  >;
}

/** The rendered workflow, parsed; a YAML error fails the test with its message. */
function workflowOf(text: string): Workflow {
  const document = parseDocument(text, { prettyErrors: false });
  expect(document.errors.map((error) => error.message)).toEqual([]);
  return document.toJS() as Workflow;
}

const INSTALL = {
  npm: 'npm ci',
  pnpm: 'pnpm install --frozen-lockfile',
  yarn: 'yarn install --frozen-lockfile',
} as const;

/**
 * Writes the scaffold's CDK app (infra/, the CORS policies, package.json, a lock file, a stub per
 * entry) to a folder whose node_modules is this repository's, as application-runtime.test.ts does.
 */
async function writeCdkApp(): Promise<string> {
  const tree = await scaffold({ triggers: 'sqs,http-api' });
  const root = tempDir('stages');
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  for (const path of tree.files) {
    // The HTTP constructs read the CORS policy they share with their function.
    if (
      /^\/(infra\/|package\.json$|src\/functions\/[^/]+\.cors\.ts$)/.test(path)
    )
      write(path, tree.readText(path));
  }
  write('package-lock.json', '{}\n');
  for (const name of ['sqs', 'http-api'])
    write(`dist/functions/${name}.function.js`, 'export {};\n');
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

describe.each(Object.entries(INSTALL))(
  '.github/workflows/deploy.yml of a %s service',
  (packageManager, install) => {
    it('is valid YAML whose every command is the install or a script of the service', async () => {
      const tree = await scaffold({ packageManager });
      const workflow = workflowOf(
        tree.readText('/.github/workflows/deploy.yml'),
      );
      const { scripts } = JSON.parse(tree.readText('/package.json')) as {
        scripts: Record<string, string>;
      };

      const commands = Object.values(workflow.jobs).flatMap((job) =>
        job.steps.flatMap((step) => (step.run === undefined ? [] : [step.run])),
      );
      const setup: string[] = [install];
      if (packageManager !== 'npm')
        setup.push(`corepack enable ${packageManager}`);
      const scriptRuns = commands.filter((command) => !setup.includes(command));
      for (const command of scriptRuns) {
        const [pm, verb, script] = command.split(' ');
        expect([pm, verb], command).toEqual([packageManager, 'run']);
        expect(Object.keys(scripts), command).toContain(script);
      }
      expect(scriptRuns.map((command) => command.split(' ')[2])).toEqual([
        'lint',
        'format:check',
        'test',
        'synth',
        'deploy',
      ]);
      // npm takes a script's arguments after `--`; pnpm and yarn would hand `--` on to cdk.
      const deploy = scriptRuns.at(-1) ?? '';
      expect(deploy.includes(' -- ')).toBe(packageManager === 'npm');
      expect(deploy).toContain('-c stage=');
    });

    it('tests and synthesizes before it deploys, with an OIDC role and no stored keys', async () => {
      const tree = await scaffold({ packageManager });
      const text = tree.readText('/.github/workflows/deploy.yml');
      const { jobs } = workflowOf(text);

      expect(jobs.deploy?.needs).toBe('test');
      expect(jobs.deploy?.permissions).toEqual({
        contents: 'read',
        'id-token': 'write',
      });
      const steps = jobs.deploy?.steps ?? [];
      const login = steps.findIndex((step) =>
        step.uses?.startsWith('aws-actions/configure-aws-credentials@'),
      );
      expect(login).toBeGreaterThan(-1);
      expect(steps[login]?.with).toEqual({
        'role-to-assume': '${{ vars.AWS_DEPLOY_ROLE_ARN }}',
        'aws-region': '${{ vars.AWS_REGION }}',
      });
      expect(steps.findIndex((step) => step.run?.includes(' deploy'))).toBe(
        steps.length - 1,
      );
      expect(text).not.toMatch(/AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)/);
    });
  },
);

describe('the CDK app of a generated service', () => {
  /** Runs infra/main.ts as `cdk synth -c <context>` does, bundling skipped. */
  async function synth(root: string, context: Record<string, unknown>) {
    const outdir = tempDir('cdk-out');
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'infra/main.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          CDK_OUTDIR: outdir,
          CDK_CONTEXT_JSON: JSON.stringify({
            'aws:cdk:bundling-stacks': [],
            ...context,
          }),
        },
        timeout: 60_000,
      },
    );
    return new CloudAssembly(outdir).stacks.map((stack) => [
      stack.stackName,
      stack.terminationProtection ?? false,
      stack.tags,
    ]);
  }

  it('deploys each stage of STAGES as its own stack, dev by default, and the workflow offers exactly those', async () => {
    const root = await writeCdkApp();
    const { STAGES } = (await import(
      pathToFileURL(join(root, 'infra/service.config.ts')).href
    )) as { STAGES: Record<string, unknown> };

    expect(await synth(root, { stage: 'prod' })).toEqual([
      [
        'OrdersService-prod',
        true,
        { service: 'orders-service', stage: 'prod' },
      ],
    ]);
    expect(await synth(root, {})).toEqual([
      ['OrdersService-dev', false, { service: 'orders-service', stage: 'dev' }],
    ]);
    const tree = await scaffold();
    const workflow = workflowOf(tree.readText('/.github/workflows/deploy.yml'));
    expect(workflow.on.workflow_dispatch.inputs.stage.options).toEqual(
      Object.keys(STAGES),
    );
  }, 120_000);

  it('refuses an unknown stage in one line that names the stages', async () => {
    const root = await writeCdkApp();

    await expect(synth(root, { stage: 'qa' })).rejects.toMatchObject({
      code: 1,
      stderr:
        'Error: unknown stage "qa"; pass -c stage=<name> with one of: dev, prod, or add it to STAGES in infra/service.config.ts.\n',
    });
  }, 90_000);
});

describe('README.md of a generated service', () => {
  it('says how to bootstrap, log in, pick a stage, diff and deploy, in its package manager', async () => {
    const tree = await scaffold({ packageManager: 'pnpm' });
    const readme = tree.readText('/README.md');
    const section = readme.slice(readme.indexOf('## Deploying'));

    for (const text of [
      'cdk bootstrap',
      'AWS_PROFILE',
      'STAGES',
      'infra/service.config.ts',
      '-c stage=<name>',
      '`OrdersService-<stage>`',
      'pnpm run diff -c stage=prod',
      'pnpm run deploy -c stage=prod',
      '.github/workflows/deploy.yml',
      'AWS_DEPLOY_ROLE_ARN',
    ])
      expect(section, text).toContain(text);
  });
});
