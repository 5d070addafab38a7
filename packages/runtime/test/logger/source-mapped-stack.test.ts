import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InvocationContext, LambdaLogger } from '../../src/index.js';
import { sourceMappedStack } from '../../src/logger/source-mapped-stack.js';

// A real bundle with its map beside it, built as NestFunction builds one (minified ESM, a source
// map without the sources' content), and the stack of an error thrown from inside it by a plain
// Node process: vitest's module runner would read the map itself.

const MAPPER = fileURLToPath(
  new URL('../../src/logger/source-mapped-stack.ts', import.meta.url),
);

const SOURCE = [
  'export function priceOrder(quantity: number): number {',
  '  if (quantity < 1) {',
  "    throw new Error('quantity must be positive');",
  '  }',
  '  return quantity * 3;',
  '}',
  '',
].join('\n');

describe('source-mapped stacks without --enable-source-maps', () => {
  let dir: string;
  let run: { enabled: boolean; raw: string; mapped: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cnl-stack-'));
    writeFileSync(join(dir, 'orders.ts'), SOURCE);
    await build({
      entryPoints: [join(dir, 'orders.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      minify: true,
      keepNames: true,
      sourcemap: true,
      sourcesContent: false,
      outfile: join(dir, 'index.mjs'),
      logLevel: 'silent',
    });
    const script = [
      `import { sourceMappedStack } from ${JSON.stringify(pathToFileURL(MAPPER).href)};`,
      `const { priceOrder } = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)});`,
      'try { priceOrder(0); } catch (error) {',
      '  console.log(JSON.stringify({ enabled: process.sourceMapsEnabled, raw: error.stack, mapped: sourceMappedStack(error.stack) }));',
      '}',
    ].join('\n');
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    run = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env,
        encoding: 'utf8',
        timeout: 20_000,
      }),
    ) as typeof run;
  }, 30_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Node leaves the frame in the minified bundle (the flag is off)', () => {
    expect(run.enabled).toBe(false);
    expect(run.raw.split('\n')[1]).toContain('index.mjs:1:');
  });

  it('maps the frame to the TypeScript line and column that threw', () => {
    const frame = run.mapped.split('\n')[1];
    expect(frame).toMatch(/at (Module\.)?priceOrder \(.*orders\.ts:3:11\)$/);
    expect(frame).toContain(join(dir, 'orders.ts'));
    // Frames outside the bundle (the script's own) are left as they are.
    expect(run.mapped.split('\n').slice(2)).toEqual(
      run.raw.split('\n').slice(2),
    );
  });

  it('leaves a stack alone when a bundle has no map beside it', () => {
    const stack = `Error: x\n    at f (${pathToFileURL(join(dir, 'none.mjs')).href}:1:20)`;
    expect(sourceMappedStack(stack)).toBe(stack);
  });

  it('LambdaLogger logs the mapped stack of an error and of a stack string', () => {
    const lines: string[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk) => {
        lines.push(String(chunk));
        return true;
      });
    }
    const error = new Error('quantity must be positive');
    error.stack = run.raw;
    try {
      const logger = new LambdaLogger(new InvocationContext());
      logger.error(error);
      logger.error('failed', run.raw, 'OrdersService');
    } finally {
      vi.restoreAllMocks();
    }
    const [withError, withStack] = lines.map(
      (line) =>
        JSON.parse(line) as { error?: { stack: string }; stack?: string },
    );
    expect(withError!.error!.stack).toMatch(/orders\.ts:3:11/);
    expect(withStack!.stack).toMatch(/orders\.ts:3:11/);
  });
});
