import { build } from 'esbuild';
import { join } from 'node:path';
import { BENCH_DIST, REPO_ROOT } from '../paths.js';
import { BASELINES } from '../scenarios.js';
import type { BuiltFunction } from './built-function.js';
import { nestFunctionBuildOptions } from './esbuild-settings.js';

/**
 * Bundles each baseline from its tsc output (`npm run build` compiled bench/baselines/ with
 * decorator metadata) with the generated construct's esbuild settings, resolving packages from
 * this repository's node_modules.
 */
export async function buildBaselines(
  bundlesDir: string,
  target: string,
): Promise<BuiltFunction[]> {
  const built: BuiltFunction[] = [];
  for (const scenario of BASELINES) {
    const outdir = join(bundlesDir, scenario.id);
    const source = {
      entry: join(BENCH_DIST, 'baselines', `${scenario.id}.function.js`),
      projectRoot: REPO_ROOT,
      target,
      dependencies: scenario.dependencies,
      construct: false,
      featuresOff: [],
    };
    await build(nestFunctionBuildOptions({ ...source, outdir }));
    built.push({ scenario, bundle: join(outdir, 'index.mjs'), source });
  }
  return built;
}
