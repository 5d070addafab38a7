import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LocalRegistry } from '../../scripts/local-registry/local-registry.js';
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
 * Scaffolds the service afresh with the built CLI on every run, so the runtime and templates are
 * those of this checkout, and installs it from a local registry holding this checkout's packages
 * (as a user installs them from npm). The previous run's node_modules are reused when they fit
 * (same package.json); the family's packages are installed afresh either way.
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
  // Republished on every run: the same version with this checkout's code, so other integrity.
  for (const stale of [
    'node_modules/@create-nest-lambda',
    'node_modules/create-nest-lambda',
    'package-lock.json',
  ])
    rmSync(join(SERVICE_DIR, stale), { recursive: true, force: true });

  const registry = await LocalRegistry.start();
  try {
    registry.publishFamily();
    const install = await mustRun(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-online'],
      { cwd: SERVICE_DIR, env: registry.env() },
    );
    return {
      dir: SERVICE_DIR,
      installed: !reusable,
      installMs: install.ms,
    };
  } finally {
    await registry.stop();
  }
}
