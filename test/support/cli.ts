import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CommandResult, runCommand } from '../../bench/support/exec.js';

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
