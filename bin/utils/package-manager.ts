import { spawn, spawnSync } from 'node:child_process';
import ora from 'ora';
import { MESSAGES } from '../ui/messages.js';
import { info } from '../ui/output.js';
import { CliError, ExitCode } from './cli-error.js';
import { installEnvironment, registryOverride } from './registry.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

/** The package manager that launched us (`npm_config_user_agent`, set by npx, pnpm dlx, yarn dlx), else npm. */
export function detectPackageManager(
  userAgent = process.env.npm_config_user_agent,
): PackageManager {
  const name = userAgent?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' ? name : 'npm';
}

/** Whether `pm` runs here: found on PATH (or as a corepack shim) and answering `--version`. */
export function isInstalled(pm: string): boolean {
  const result = spawnSync(pm, ['--version'], {
    stdio: 'ignore',
    timeout: 15_000,
  });
  return result.error === undefined && result.status === 0;
}

/** Refuses, before anything is written, to install with a package manager that is not there. */
export function requireInstalled(pm: string): void {
  if (!isInstalled(pm))
    throw new CliError(MESSAGES.packageManagerMissing(pm), ExitCode.Usage);
}

/**
 * Installs the project's dependencies with a spinner (on a terminal) or a start and an end line
 * (in CI logs). The output is kept and shown only when the install fails. Ctrl-C stops the
 * package manager and keeps the project, with the command to retry (exit code 130).
 */
export async function installDependencies(
  pm: PackageManager,
  cwd: string,
  directory: string,
) {
  const started = Date.now();
  const registry = registryOverride();
  const spinner = ora({
    text: MESSAGES.installing(pm, registry),
    stream: process.stdout,
  });
  if (spinner.isEnabled) spinner.start();
  else info(MESSAGES.installing(pm, registry));

  const { code, output, cancelled } = await run(pm, ['install'], cwd);
  if (cancelled) {
    spinner.stop();
    throw new CliError(
      MESSAGES.installCancelled(pm, directory),
      ExitCode.Cancelled,
    );
  }
  if (code !== 0) {
    spinner.stop();
    process.stderr.write(output.split('\n').slice(-30).join('\n') + '\n');
    throw new CliError(MESSAGES.installFailed(pm, directory), ExitCode.Failed);
  }
  const done = MESSAGES.installed(
    pm,
    ((Date.now() - started) / 1000).toFixed(1),
  );
  if (spinner.isEnabled) spinner.succeed(done);
  else info(done);
}

function run(command: string, args: string[], cwd: string) {
  return new Promise<{ code: number; output: string; cancelled: boolean }>(
    (resolvePromise) => {
      // Its own process group, so that stopping it stops the scripts it runs too.
      const child = spawn(command, args, {
        cwd,
        env: installEnvironment(),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
      });
      let output = '';
      let cancelled = false;
      // The spinner puts the terminal in raw mode, so Ctrl-C is a key, not a signal, and never
      // reaches the package manager. ora turns the key into SIGINT, but only if something reads
      // stdin (its listener alone leaves the stream paused): read it, and stop the install ourselves.
      const cancel = () => {
        cancelled = true;
        stop(child.pid);
      };
      const readKeys = process.stdin.isTTY === true;
      if (readKeys) process.stdin.on('data', ignore);
      process.on('SIGINT', cancel);
      process.on('SIGTERM', cancel);
      // Both streams must be drained, or a chatty install fills the pipe buffer and hangs.
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const settle = (code: number, text: string) => {
        process.off('SIGINT', cancel);
        process.off('SIGTERM', cancel);
        if (readKeys) process.stdin.off('data', ignore).pause();
        resolvePromise({ code, output: text, cancelled });
      };
      child.on('error', (err) => settle(1, err.message));
      child.on('close', (code) => settle(code ?? 1, output));
    },
  );
}

function ignore(): void {}

function stop(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}
