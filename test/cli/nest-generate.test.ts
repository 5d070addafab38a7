import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../bench/support/exec.js';
import { REPO_ROOT, useScaffoldedService } from '../support/cli.js';
import { runInTerminal } from '../support/terminal.js';

// The real Nest CLI (this repository's devDependency) in a scaffolded service. The service is not
// installed: its node_modules holds only this checkout as create-nest-lambda, and NODE_PATH lets
// the Nest CLI, which resolves collections from its own folder, find it there.
const NEST = join(REPO_ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
const PRETTIER = join(REPO_ROOT, 'node_modules/prettier/bin/prettier.cjs');
const OXLINT = join(REPO_ROOT, 'node_modules/oxlint/bin/oxlint');

const scaffolded = useScaffoldedService('nest-g');

function service(): string {
  const dir = scaffolded();
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO_ROOT, join(dir, 'node_modules/create-nest-lambda'));
  return dir;
}

function nestG(args: readonly string[], cwd: string) {
  return runCommand(process.execPath, [NEST, 'g', ...args], {
    cwd,
    env: { NODE_PATH: join(cwd, 'node_modules') },
  });
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => !file.startsWith('node_modules'))
    .sort();
}

describe('nest g in a generated service', () => {
  it.each([
    [
      ['lambda-handler', '../evil'],
      'Error: function "../evil" is not a valid name; use letters, digits and dashes, starting with a letter, e.g. "payment-events".',
    ],
    [
      ['lambda-handler'],
      'Error: function name missing; pass one, e.g. "payment-events".',
    ],
    [
      ['request-provider'],
      'Error: provider name missing; pass one, e.g. "payment-events".',
    ],
  ])(
    'refuses %j with our line as the last thing printed',
    async (args, message) => {
      const cwd = service();
      const before = files(cwd);

      const result = await nestG(args, cwd);

      expect(result.stderr).not.toContain('Failed to execute command');
      expect(result.stderr).not.toContain('Data path');
      expect(result.stderr.trim().split('\n').at(-1)).toBe(message);
      expect(result.stdout.trim()).toBe('');
      expect(files(cwd)).toEqual(before);
    },
  );

  it('adds an SQS function when no terminal can be asked for the trigger', async () => {
    const cwd = service();

    const result = await nestG(['lambda-handler', 'payments'], cwd);

    expect(result.code).toBe(0);
    expect(
      readFileSync(join(cwd, 'src/functions/payments.function.ts'), 'utf8'),
    ).toContain("trigger: 'sqs'");
  });

  it('asks for the trigger on a terminal, sqs first in focus', async () => {
    const cwd = service();
    const session = runInTerminal(
      `NODE_PATH=${join(cwd, 'node_modules')} node ${NEST} g lambda-handler payments`,
      cwd,
    );

    // sqs is the default; two down is sns.
    await session.answer(
      'Which trigger should the function have?',
      '\x1b[B\x1b[B\r',
    );
    const { code, output } = await session.exit;

    expect(code).toBe(0);
    expect(output).toContain('sqs: messages from an SQS queue, in batches');
    expect(
      readFileSync(join(cwd, 'src/functions/payments.function.ts'), 'utf8'),
    ).toContain("trigger: 'sns'");
  });

  it("writes what nest g module, controller and service add in the service's Prettier style, and oxlint passes", async () => {
    const cwd = service();
    for (const schematic of ['module', 'controller', 'service']) {
      const result = await nestG([schematic, 'billing'], cwd);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const touched = [
      'src/app.module.ts',
      ...files(join(cwd, 'src/billing')).map((f) => `src/billing/${f}`),
    ];
    expect(touched).toHaveLength(6);

    const prettier = await runCommand(
      process.execPath,
      [PRETTIER, '--check', ...touched],
      { cwd },
    );
    const oxlint = await runCommand(
      OXLINT,
      ['-c', '.oxlintrc.json', '--deny-warnings', ...touched],
      { cwd },
    );

    expect(prettier.stderr).toBe('');
    expect(prettier.code).toBe(0);
    expect(oxlint.code).toBe(0);
  });
});
