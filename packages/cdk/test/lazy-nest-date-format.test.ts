import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFunction, functionBuildOptions } from '../src/index.js';
import { lazyDateFormat } from '../src/lazy-nest-date-format.plugin.js';
import {
  fixtureBuild,
  fixtureFolder,
  REPO_ROOT,
  runFresh,
  writeEntry,
} from './bundle-fixture.js';

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

function functionBuild(outdir: string) {
  return fixtureBuild(ENTRY, join(work, outdir));
}

interface Run {
  /** `Intl.DateTimeFormat`s built by importing the bundle. */
  readonly atImport: number;
  /** Both loggers' timestamps of the epoch, and the formatters built to print them. */
  readonly stamps: readonly string[];
  readonly afterStamps: number;
}

/** Imports the bundle in a fresh Node that counts the `Intl.DateTimeFormat`s built. */
function countFresh(outdir: string): Run {
  const bundle = join(work, outdir, 'index.mjs');
  return runFresh<Run>(
    [
      'let built = 0;',
      'const DateTimeFormat = Intl.DateTimeFormat;',
      'Intl.DateTimeFormat = new Proxy(DateTimeFormat, { construct: (target, args) => { built += 1; return new target(...args); } });',
      `const { stamps } = await import(${JSON.stringify(bundle)});`,
      'const atImport = built;',
      'Date.now = () => 0;',
      'console.log(JSON.stringify({ atImport, stamps: stamps(), afterStamps: built }));',
    ],
    { ...process.env, TZ: 'UTC' },
  );
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
    const plugged = countFresh('plugged');
    const unplugged = countFresh('unplugged');
    expect(unplugged.atImport).toBe(2);
    expect(plugged).toEqual({
      atImport: 0,
      stamps: unplugged.stamps,
      afterStamps: 2,
    });
    expect(plugged.stamps[0]).toMatch(/1970/);
  }, 60_000);
});
