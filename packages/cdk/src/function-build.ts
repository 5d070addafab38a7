import type { BuildOptions } from 'esbuild';
import { join } from 'node:path';
import { CJS_SHIMS } from './bundling.js';
import type { PowertoolsFeature } from './powertools-features.plugin.js';

/** One function's bundle: what `NestFunction` builds, and what the bench builds the same way. */
export interface FunctionBuild {
  /** The tsc output of the function's entry, e.g. `<root>/dist/functions/orders.function.js`. */
  readonly entry: string;
  /** Where `index.mjs` and its map are written. */
  readonly outdir: string;
  /** esbuild's target, e.g. `node24`. */
  readonly target: string;
  /** The folder packages are resolved from (the service root, or a workspace's root). */
  readonly projectRoot: string;
  /** Packages left out of the bundle. */
  readonly external: readonly string[];
  /** The runtime's Powertools features this function has off: their packages are left out. */
  readonly featuresOff: readonly PowertoolsFeature[];
}

/**
 * esbuild's settings for a function, without plugins: ESM (Nest 12 is ESM-only), minified with
 * class names kept, and a source map without the sources.
 */
export function functionBuildOptions(fn: FunctionBuild): BuildOptions {
  return {
    entryPoints: [fn.entry],
    bundle: true,
    target: fn.target,
    platform: 'node',
    format: 'esm',
    outfile: join(fn.outdir, 'index.mjs'),
    // ESM builds of dependencies first: less CommonJS to wrap, more to tree-shake.
    mainFields: ['module', 'main'],
    banner: { js: CJS_SHIMS },
    minify: true,
    // Class names as written: Nest's logs and errors name providers by them, and ORMs name
    // tables after entity classes.
    keepNames: true,
    // The map ships beside the bundle, but nothing sets --enable-source-maps, which parses it at
    // every cold start (8 to 13 ms): the runtime's logger maps the stacks it logs on the first
    // error instead. Stack traces need the mappings, not a copy of every source file.
    sourcemap: true,
    sourcesContent: false,
    external: [...fn.external],
    absWorkingDir: fn.projectRoot,
    logLevel: 'warning',
  };
}
