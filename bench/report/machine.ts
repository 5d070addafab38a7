import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  availableParallelism,
  loadavg,
  release,
  totalmem,
  type,
} from 'node:os';
import { join } from 'node:path';
import type { Machine } from './figures.js';

export function describeMachine(functionsNode: string): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model =
    /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  return {
    node: process.version,
    functionsNode: execFileSync(functionsNode, ['--version'], {
      encoding: 'utf8',
    }).trim(),
    cpu: model,
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
  };
}

/** The 1-minute load average: on a shared machine, how busy it was while measuring. */
export function load(): number {
  return loadavg()[0]!;
}

export function gitCommit(repoRoot: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** Installed versions of the packages that decide the figures, as `<where> <package>`. */
export function packageVersions(
  roots: Record<string, string>,
  packages: readonly string[],
): Record<string, string> {
  const versions: Record<string, string> = { node: process.version };
  for (const [where, root] of Object.entries(roots)) {
    for (const name of packages) {
      try {
        const manifest = JSON.parse(
          readFileSync(
            join(root, 'node_modules', name, 'package.json'),
            'utf8',
          ),
        ) as { version: string };
        versions[`${where} ${name}`] = manifest.version;
      } catch {
        // Not installed there: the baselines and the service do not need the same packages.
      }
    }
  }
  return versions;
}
