import { build } from 'esbuild';
import { join } from 'node:path';
import type { BuiltFunction } from '../bundle/built-function.js';
import { nestFunctionBuildOptions } from '../bundle/esbuild-settings.js';
import { BENCH_DIST, REPO_ROOT } from '../paths.js';
import type { FeatureVariant } from './variants.js';

/** A variant's bundle, made as the baselines' are: from the tsc output, with the construct's settings. */
export async function buildFeatureVariant(
  variant: FeatureVariant,
  bundlesDir: string,
  target: string,
): Promise<BuiltFunction> {
  const outdir = join(bundlesDir, variant.id);
  const source = {
    entry: join(BENCH_DIST, 'features', `${variant.entry}.function.js`),
    projectRoot: REPO_ROOT,
    target,
    dependencies: variant.dependencies,
    construct: true,
    featuresOff: variant.featuresOff,
  };
  await build(nestFunctionBuildOptions({ ...source, outdir }));
  return {
    scenario: {
      id: variant.id,
      label: variant.label,
      family: 'kit',
      trigger: 'sqs',
    },
    bundle: join(outdir, 'index.mjs'),
    source,
  };
}
