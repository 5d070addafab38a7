import { posix } from 'node:path';
import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import {
  featureModule,
  type FunctionModule,
} from '../utils/function-module.js';
import { readModuleClassName } from '../utils/module-declarations.js';
import { nearestModulePath } from '../utils/register-in-module.rule.js';
import type { NormalizedLambdaHandlerOptions } from './normalize-options.js';

/**
 * The module the new function's entry boots: its own feature module; with `--flat`, the existing
 * module its handler or controller goes into (the nearest one, as `nest g` finds it).
 */
export function functionModule(
  tree: Tree,
  options: NormalizedLambdaHandlerOptions,
): FunctionModule {
  if (!options.flat) return featureModule(options.name, options.className);
  const path = nearestModulePath(tree, options.featureDir);
  const className =
    path === null ? undefined : readModuleClassName(tree.readText(path));
  if (path === null || className === undefined) {
    throw new SchematicsException(
      `--flat needs a module in ${options.featureDir.slice(1)} or above it for the function to boot; run nest g module ${options.name} first, or leave out --flat.`,
    );
  }
  const functions = posix.join(options.sourceRoot, 'functions');
  return {
    className,
    importPath: posix.relative(functions, path).replace(/\.ts$/, '.js'),
  };
}
