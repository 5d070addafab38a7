import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';
import { bundleFunction, type FunctionBuild } from '../src/index.js';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * A folder for entries inside the repository's node_modules, so that they resolve its packages as a
 * service's entries resolve the service's; removed after the file's tests.
 */
export function fixtureFolder(prefix: string): string {
  const cache = join(REPO_ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `lines` as `<dir>/<id>.function.js`, the tsc output of an entry. */
export function writeEntry(dir: string, id: string, lines: string[]): string {
  const file = join(dir, `${id}.function.js`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Bundles `fn` as NestFunction does, then imports the bundle; with its size in bytes. */
export async function bundleAndImport<T>(
  fn: FunctionBuild,
): Promise<{ module: T; bytes: number }> {
  await bundleFunction(fn);
  const bundle = join(fn.outdir, 'index.mjs');
  return {
    module: (await import(pathToFileURL(bundle).href)) as T,
    bytes: statSync(bundle).size,
  };
}

/** How NestFunction would build `entry` into `outdir`, for Node 24, resolving this repository's packages. */
export function fixtureBuild(entry: string, outdir: string): FunctionBuild {
  return {
    entry,
    outdir,
    target: 'node24',
    projectRoot: REPO_ROOT,
    external: [],
    featuresOff: [],
  };
}

/**
 * Runs `script` (ES module code that may `await`) in a fresh Node and parses the JSON line it
 * prints: what a bundle does in a cold process, unaffected by what the test process loaded.
 */
export function runFresh<T>(
  script: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): T {
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script.join('\n')],
    { encoding: 'utf8', timeout: 30_000, env },
  );
  return JSON.parse(out) as T;
}
