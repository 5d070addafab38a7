import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFunction, functionBuildOptions } from '../src/index.js';
import {
  fixtureBuild,
  fixtureFolder,
  runFresh,
  writeEntry,
} from './bundle-fixture.js';

const work = fixtureFolder('builtins-');

// ESM code importing builtins every way it can: named, default, namespace, bare and `node:` ids,
// and `import()`; a CommonJS dependency's `require()` goes through the banner's `require`.
const ENTRY = writeEntry(work, 'builtins', [
  "import { STATUS_CODES } from 'node:http';",
  "import http from 'http';",
  "import * as path from 'node:path';",
  "import { createRequire } from 'node:module';",
  'export async function probe() {',
  "  const { AsyncLocalStorage } = await import('node:async_hooks');",
  "  const cjsOs = createRequire(import.meta.url)('node:os');",
  '  return {',
  '    teapot: STATUS_CODES[418],',
  '    server: typeof http.createServer,',
  "    joined: path.join('a', 'b'),",
  '    storage: typeof AsyncLocalStorage,',
  '    os: typeof cjsOs.platform,',
  '    dirname: typeof __dirname,',
  '  };',
  '}',
]);

function functionBuild(outdir: string) {
  return fixtureBuild(ENTRY, join(work, outdir));
}

/**
 * Imports the bundle in a fresh Node, calls `probe()`, and says whether Node loaded undici on the
 * way (the cost of the ES module facade of `node:http`).
 */
function probeFresh(outdir: string): { result: unknown; undici: boolean } {
  const bundle = join(work, outdir, 'index.mjs');
  return runFresh([
    `const { probe } = await import(${JSON.stringify(bundle)});`,
    'const result = await probe();',
    "const undici = process.moduleLoadList.some((m) => m.includes('undici'));",
    'console.log(JSON.stringify({ result, undici }));',
  ]);
}

const EXPECTED = {
  teapot: "I'm a Teapot",
  server: 'function',
  joined: join('a', 'b'),
  storage: 'function',
  os: 'function',
  dirname: 'string',
};

describe('builtinsWithoutFacade', () => {
  it('leaves no import of a builtin in the bundle, and every kind of import still works', async () => {
    await bundleFunction(functionBuild('plugged'));
    const code = readFileSync(join(work, 'plugged', 'index.mjs'), 'utf8');
    expect(code).not.toMatch(/\bfrom\s*["']node:/);
    expect(code).not.toMatch(/\bimport\s*\(\s*["']node:/);
    expect(probeFresh('plugged')).toEqual({ result: EXPECTED, undici: false });
  }, 60_000);

  it('spares the undici load that an import of node:http costs without it', async () => {
    // The same entry built with the same settings but no plugins: the check above can fail.
    await build(functionBuildOptions(functionBuild('unplugged')));
    expect(probeFresh('unplugged')).toEqual({ result: EXPECTED, undici: true });
  }, 60_000);
});
