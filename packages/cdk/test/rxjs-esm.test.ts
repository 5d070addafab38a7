import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionBuildOptions, functionPlugins } from '../src/index.js';
import {
  fixtureBuild,
  fixtureFolder,
  runFresh,
  writeEntry,
} from './bundle-fixture.js';

const work = fixtureFolder('rxjs-esm-');

// A CommonJS dependency that requires rxjs, beside ESM code that imports it and its operators.
writeFileSync(
  join(work, 'legacy.cjs'),
  "module.exports = { Observable: require('rxjs').Observable };\n",
);
function entry(id: string, withLegacy: boolean): string {
  return writeEntry(work, id, [
    "import { Observable, firstValueFrom, of } from 'rxjs';",
    "import { map, toArray } from 'rxjs/operators';",
    "import { pipe } from 'rxjs/internal/util/pipe';",
    withLegacy
      ? "import legacy from './legacy.cjs';"
      : 'const legacy = { Observable };',
    'export async function run() {',
    '  const doubled = await firstValueFrom(of(1, 2, 3).pipe(pipe(map((n) => n * 2)), toArray()));',
    '  return { doubled, oneObservableClass: legacy.Observable === Observable };',
    '}',
  ]);
}

async function bundle(id: string, withLegacy: boolean, plugged: boolean) {
  const outdir = `${id}-${plugged ? 'plugged' : 'unplugged'}`;
  const fn = fixtureBuild(entry(id, withLegacy), join(work, outdir));
  const result = await build({
    ...functionBuildOptions(fn),
    metafile: true,
    plugins: plugged ? functionPlugins(fn) : [],
  });
  const inputs = Object.entries(
    Object.values(result.metafile.outputs).find((o) => o.entryPoint)!.inputs,
  ).filter(([path]) => path.includes('node_modules/rxjs/'));
  const answer = runFresh<unknown>([
    `const { run } = await import(${JSON.stringify(join(fn.outdir, 'index.mjs'))});`,
    'console.log(JSON.stringify(await run()));',
  ]);
  return {
    result: answer,
    files: inputs.map(([path]) => path),
    bytes: inputs.reduce((sum, [, input]) => sum + input.bytesInOutput, 0),
  };
}

describe('rxjsModules', () => {
  const expected = { doubled: [2, 4, 6], oneObservableClass: true };

  it('bundles only the parts of the ES2015 build that ESM code uses', async () => {
    const plugged = await bundle('esm', false, true);
    const unplugged = await bundle('esm', false, false);
    expect(plugged.result).toEqual(expected);
    expect(unplugged.result).toEqual(expected);
    expect(plugged.files.every((path) => path.includes('/dist/esm/'))).toBe(
      true,
    );
    expect(unplugged.files.some((path) => path.includes('/dist/cjs/'))).toBe(
      true,
    );
    // All of rxjs is about 170 KB minified; these operators and their helpers a tenth of it.
    expect(unplugged.bytes).toBeGreaterThan(100_000);
    expect(plugged.bytes).toBeLessThan(unplugged.bytes / 4);
  }, 60_000);

  it('gives a CommonJS require() of rxjs the same module build, so there is one Observable class', async () => {
    const mixed = await bundle('mixed', true, true);
    expect(mixed.result).toEqual(expected);
    expect(mixed.files.every((path) => path.includes('/dist/esm/'))).toBe(true);
  }, 60_000);
});
