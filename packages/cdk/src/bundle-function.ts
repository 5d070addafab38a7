import type { Plugin } from 'esbuild';
import { builtinsWithoutFacade } from './builtins-without-facade.plugin.js';
import { functionBuildOptions, type FunctionBuild } from './function-build.js';
import { lazyNestDateFormat } from './lazy-nest-date-format.plugin.js';
import { narrowValidationImports } from './narrow-validation.plugin.js';
import { rxjsModules } from './rxjs-esm.plugin.js';
import { powertoolsOff } from './powertools-features.plugin.js';

/** The plugins of every function's build. */
export function functionPlugins(fn: FunctionBuild): Plugin[] {
  return [
    narrowValidationImports(fn.external),
    powertoolsOff(fn.featuresOff, fn.projectRoot),
    builtinsWithoutFacade(),
    lazyNestDateFormat(),
    rxjsModules(),
  ];
}

/**
 * Bundles one function with esbuild's JS API (its CLI, which CDK's `NodejsFunction` runs, takes no
 * plugins). esbuild is a peer dependency: the service's own version bundles.
 */
export async function bundleFunction(fn: FunctionBuild): Promise<void> {
  const { build } = await import('esbuild');
  await build({ ...functionBuildOptions(fn), plugins: functionPlugins(fn) });
}
