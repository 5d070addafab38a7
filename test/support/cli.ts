import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect } from 'vitest';
import {
  type CommandResult,
  mustRun,
  runCommand,
} from '../../bench/support/exec.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(REPO_ROOT, 'dist/bin/create-nest-lambda.js');

/** A fresh folder outside the repository, so nothing a test generates can touch it. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cnl-${prefix}-`));
}

/** Runs the built CLI, as a user would, with no terminal (so it never prompts) and CI=true. */
export function runCli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CommandResult> {
  return runCommand(process.execPath, [CLI, ...args], { cwd, env });
}

/**
 * Makes an app with the real `nest new` (the Nest CLI this repository pins; no install, no git) in
 * `parent`: the app's folder, and how long `nest new` took.
 */
export async function nestNewApp(
  parent: string,
): Promise<{ dir: string; ms: number }> {
  const { ms } = await mustRun(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/@nestjs/cli/bin/nest.js'),
      'new',
      'app',
      '--skip-install',
      '--skip-git',
      '--package-manager',
      'npm',
    ],
    { cwd: parent },
  );
  return { dir: join(parent, 'app'), ms };
}

/**
 * Scaffolds one SQS service (no install, no git) before a file's tests, and returns a function
 * that gives each test a fresh copy of it, so tests do not see each other's changes.
 */
export function useScaffoldedService(prefix: string): () => string {
  let template = '';
  // A scaffold takes seconds; on a busy machine more than the default hook timeout.
  beforeAll(async () => {
    const parent = tempDir(`${prefix}-base`);
    const result = await runCli(
      ['svc', '--triggers', 'sqs', '--skip-install', '--skip-git'],
      parent,
    );
    expect(result.code).toBe(0);
    template = join(parent, 'svc');
  }, 60_000);
  return () => {
    const dir = join(tempDir(prefix), 'svc');
    cpSync(template, dir, { recursive: true });
    return dir;
  };
}
