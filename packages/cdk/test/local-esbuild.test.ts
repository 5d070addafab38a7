import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type * as LocalEsbuildModule from '../src/local-esbuild.js';
import { fixtureFolder, REPO_ROOT, writeEntry } from './bundle-fixture.js';

// The built module: LocalEsbuild starts `bundle-function.main.js` beside itself, which only the
// build (npm run build) writes; the sources' folder holds its .ts.
const { LocalEsbuild } = (await import(
  new URL('../dist/local-esbuild.js', import.meta.url).href
)) as typeof LocalEsbuildModule;

const dir = fixtureFolder('local-esbuild-');
// esbuild keeps quiet about code under node_modules: an entry that warns must lie elsewhere.
const ownDir = mkdtempSync(join(tmpdir(), 'local-esbuild-'));
afterAll(() => rmSync(ownDir, { recursive: true, force: true }));
const build = (entry: string, projectRoot = REPO_ROOT) => ({
  entry,
  target: 'node24',
  projectRoot,
  external: [],
  featuresOff: [],
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('LocalEsbuild', () => {
  it('bundles in a child process and writes esbuild warnings to stderr once, each line prefixed with the entry', () => {
    const entry = writeEntry(ownDir, 'warns', [
      'export const handler = async () => ({ a: 1, a: 2 });',
    ]);
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const outdir = join(ownDir, 'warns-out');

    expect(
      new LocalEsbuild('warns', build(entry, ownDir)).tryBundle(outdir),
    ).toBe(true);

    expect(existsSync(join(outdir, 'index.mjs'))).toBe(true);
    const lines = written.join('').trimEnd().split('\n');
    expect(
      lines.every((line) =>
        line.startsWith(`${relative(process.cwd(), entry)}: `),
      ),
    ).toBe(true);
    expect(
      lines.filter((line) => line.includes('Duplicate key "a"')),
    ).toHaveLength(1);
  });

  it('writes nothing to stderr when esbuild has no warning', () => {
    const entry = writeEntry(ownDir, 'quiet', [
      'export const handler = async () => ({ a: 1 });',
    ]);
    const write = vi.spyOn(process.stderr, 'write');

    new LocalEsbuild('quiet', build(entry, ownDir)).tryBundle(
      join(ownDir, 'quiet-out'),
    );

    expect(write).not.toHaveBeenCalled();
  });

  it("fails with the function's name and esbuild's error when the bundle cannot be built", () => {
    const entry = writeEntry(dir, 'broken', [
      "import 'no-such-package-anywhere';",
      'export const handler = async () => undefined;',
    ]);
    expect(() =>
      new LocalEsbuild('broken', build(entry)).tryBundle(
        join(dir, 'broken-out'),
      ),
    ).toThrow(
      /^bundling the function broken failed: .*Could not resolve "no-such-package-anywhere"/s,
    );
  });

  it('stops a bundling that does not end and names the function, its entry and the fix', () => {
    // A named pipe nobody writes to: esbuild waits on it for ever, as on a stalled drive.
    const entry = join(dir, 'stalled.function.js');
    execFileSync('mkfifo', [entry]);
    const started = performance.now();

    expect(() =>
      new LocalEsbuild('stalled', build(entry), 2).tryBundle(
        join(dir, 'stalled-out'),
      ),
    ).toThrow(
      `bundling the function stalled (${relative(process.cwd(), entry)}) took more than 2 s and was stopped; ` +
        'check that the entry and its imports are readable local files, or raise bundlingTimeout in its NestFunction props.',
    );
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
