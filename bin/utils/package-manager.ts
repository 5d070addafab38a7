import { spawn } from 'node:child_process';
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

/**
 * Installs the project's dependencies with a spinner (on a terminal) or a start and an end line
 * (in CI logs). The output is kept and shown only when the install fails.
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

  const { code, output } = await run(pm, ['install'], cwd);
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
  return new Promise<{ code: number; output: string }>((resolvePromise) => {
    const child = spawn(command, args, {
      cwd,
      env: installEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    // Both streams must be drained, or a chatty install fills the pipe buffer and hangs.
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (err) =>
      resolvePromise({ code: 1, output: err.message }),
    );
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}
