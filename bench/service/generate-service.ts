import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, SERVICE_DIR, WORK_DIR } from '../paths.js';
import { mustRun } from '../support/exec.js';

export interface GeneratedService {
  readonly dir: string;
  /** false when node_modules came from the previous run (same package.json). */
  readonly installed: boolean;
  readonly installMs?: number;
}

/** The Lambda runtime of the service; the baselines get the same esbuild target. */
export const LAMBDA_RUNTIME = 'nodejs24.x';

/** What the bench generates: the default triggers, on the default runtime, without git. */
export const SCAFFOLD_ARGS = [
  'bench-service',
  '--yes',
  '--skip-git',
  '--skip-install',
  '--triggers',
  'http-api,sqs',
  '--runtime',
  LAMBDA_RUNTIME,
] as const;

/**
 * Scaffolds the service afresh with the built CLI on every run, so the kit and templates are
 * those of this checkout, and installs it with `npm install` unless the previous run's
 * node_modules fit (same package.json), which are then moved over.
 */
export async function generateService(): Promise<GeneratedService> {
  const next = `${SERVICE_DIR}.next`;
  rmSync(next, { recursive: true, force: true });
  await mustRun(
    process.execPath,
    [CLI, ...SCAFFOLD_ARGS, '--directory', next],
    {
      cwd: WORK_DIR,
    },
  );

  const reusable =
    existsSync(join(SERVICE_DIR, 'node_modules')) &&
    existsSync(join(SERVICE_DIR, 'package-lock.json')) &&
    readFileSync(join(SERVICE_DIR, 'package.json'), 'utf8') ===
      readFileSync(join(next, 'package.json'), 'utf8');
  if (reusable) {
    for (const entry of ['node_modules', 'package-lock.json']) {
      renameSync(join(SERVICE_DIR, entry), join(next, entry));
    }
  }
  rmSync(SERVICE_DIR, { recursive: true, force: true });
  renameSync(next, SERVICE_DIR);
  if (reusable) return { dir: SERVICE_DIR, installed: false };

  const install = await mustRun('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: SERVICE_DIR,
  });
  return { dir: SERVICE_DIR, installed: true, installMs: install.ms };
}
