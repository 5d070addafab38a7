import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundleFunction,
  functionBuildOptions,
  type FunctionBuild,
} from '../src/index.js';
import { lazyDateFormat } from '../src/lazy-nest-date-format.plugin.js';
import { fixtureFolder, REPO_ROOT, writeEntry } from './bundle-fixture.js';

const work = fixtureFolder('lazy-date-format-');
const NEST_SERVICES = join(
  REPO_ROOT,
  'node_modules',
  '@nestjs',
  'common',
  'services',
);

const ENTRY = writeEntry(work, 'loggers', [
  "import { ConsoleLogger, Logger } from '@nestjs/common';",
  'export function stamps() {',
  '  return [new ConsoleLogger().getTimestamp(), Logger.getTimestamp()];',
  '}',
]);

function functionBuild(outdir: string): FunctionBuild {
  return {
    entry: ENTRY,
    outdir: join(work, outdir),
    target: 'node24',
    projectRoot: REPO_ROOT,
    external: [],
    featuresOff: [],
  };
}

interface Run {
  /** `Intl.DateTimeFormat`s built by importing the bundle. */
  readonly atImport: number;
  /** Both loggers' timestamps of the epoch, and the formatters built to print them. */
  readonly stamps: readonly string[];
  readonly afterStamps: number;
}

/** Imports the bundle in a fresh Node that counts the `Intl.DateTimeFormat`s built. */
function runFresh(outdir: string): Run {
  const bundle = join(work, outdir, 'index.mjs');
  const script = [
    'let built = 0;',
    'const DateTimeFormat = Intl.DateTimeFormat;',
    'Intl.DateTimeFormat = new Proxy(DateTimeFormat, { construct: (target, args) => { built += 1; return new target(...args); } });',
    `const { stamps } = await import(${JSON.stringify(bundle)});`,
    'const atImport = built;',
    'Date.now = () => 0;',
    'console.log(JSON.stringify({ atImport, stamps: stamps(), afterStamps: built }));',
  ].join('\n');
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 30_000, env: { ...process.env, TZ: 'UTC' } },
  );
  return JSON.parse(out) as Run;
}

describe('lazyNestDateFormat', () => {
  it.each(['console-logger.service.js', 'logger.service.js'])(
    "rewrites the installed Nest's %s so that no formatter is built at import",
    (file) => {
      const source = readFileSync(join(NEST_SERVICES, file), 'utf8');
      expect(source).toMatch(/^const dateTimeFormatter = new Intl/m);
      const lazy = lazyDateFormat(source);
      expect(lazy).toBeDefined();
      expect(lazy).not.toMatch(/^const dateTimeFormatter = new Intl/m);
      expect(lazy).toContain('dateTimeFormatterInstance ??= new Intl');
    },
  );

  it('leaves a file that builds no formatter the way it expects untouched', () => {
    expect(lazyDateFormat('export const x = 1;\n')).toBeUndefined();
  });

  it("builds no formatter when the bundle is imported, and prints the same timestamps as Nest's own", async () => {
    await bundleFunction(functionBuild('plugged'));
    await build(functionBuildOptions(functionBuild('unplugged')));
    const plugged = runFresh('plugged');
    const unplugged = runFresh('unplugged');
    expect(unplugged.atImport).toBe(2);
    expect(plugged).toEqual({
      atImport: 0,
      stamps: unplugged.stamps,
      afterStamps: 2,
    });
    expect(plugged.stamps[0]).toMatch(/1970/);
  }, 60_000);
});
