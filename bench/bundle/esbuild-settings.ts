import type { BuildOptions } from 'esbuild';
import {
  functionBuildOptions,
  functionPlugins,
  NEST_OPTIONAL_PACKAGES,
  PLATFORM_EXPRESS,
  type FunctionBuild,
} from '@create-nest-lambda/cdk';
import type { BundleSource } from './built-function.js';

/** A function's sources and where its `index.mjs` goes. */
export type FunctionBundle = BundleSource & { readonly outdir: string };

/**
 * The build `NestFunction` runs (packages/cdk, `bundleFunction`): the same settings, and for the
 * kit's functions the same plugins. The baselines get the settings without the construct's plugins:
 * they are bundled as a team bundles them today, with CDK's `NodejsFunction` (esbuild's CLI, the
 * same flags). The kit's functions themselves are bundled by `cdk synth`.
 */
export function nestFunctionBuildOptions(fn: FunctionBundle): BuildOptions {
  const build: FunctionBuild = {
    entry: fn.entry,
    outdir: fn.outdir,
    target: fn.target,
    projectRoot: fn.projectRoot,
    external: [
      ...NEST_OPTIONAL_PACKAGES.filter((pkg) => !fn.dependencies.includes(pkg)),
      // The express baseline is the one function here that runs on it, so it gets it bundled.
      ...(fn.dependencies.includes(PLATFORM_EXPRESS) ? [] : [PLATFORM_EXPRESS]),
    ],
    featuresOff: fn.featuresOff,
  };
  return {
    ...functionBuildOptions(build),
    ...(fn.construct && { plugins: functionPlugins(build) }),
  };
}
