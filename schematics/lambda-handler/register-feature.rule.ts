import {
  callSource,
  type Rule,
  SchematicsException,
  type Source,
  type Tree,
} from '@angular-devkit/schematics';
import { posix } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { readModuleDeclarations } from '../utils/module-declarations.js';
import type { ModuleEntry } from '../utils/module-metadata.js';
import { registerInNearestModule } from '../utils/register-in-module.rule.js';
import type { NormalizedLambdaHandlerOptions } from './normalize-options.js';

/** Whether a template path is the trigger's feature module, which `--flat` leaves out. */
export function isFeatureModule(templatePath: string): boolean {
  return /\/__name__\.module\.ts(\.ejs)?$/.test(templatePath);
}

/**
 * Registers the new function's feature as `nest g` would: by default the new feature module goes
 * into the `imports` of the module above `src/<name>/` (AppModule); with `--flat` there is no
 * feature module, and what it would have declared (the handler or controller) goes into the
 * nearest existing module, e.g. `src/<name>/<name>.module.ts` made earlier by `nest g module`.
 */
export function registerFeature(
  options: NormalizedLambdaHandlerOptions,
  featureModule: Source,
): Rule {
  return async (tree: Tree, context) => {
    if (!options.flat) {
      return registerInNearestModule(
        options.sourceRoot,
        [
          {
            metadata: 'imports',
            symbol: `${options.className}Module`,
            importPath: `${options.featureDir}/${options.name}.module.js`,
          },
        ],
        options.root,
      );
    }
    const rendered = await lastValueFrom(callSource(featureModule, context));
    const path = `${options.featureDir}/${options.name}.module.ts`;
    const entries = readModuleDeclarations(rendered.readText(path)).map(
      (entry) => absolute(entry, options),
    );
    return registerInNearestModule(options.featureDir, entries, options.root);
  };
}

/** The entry with a local import made absolute, so it can be re-resolved from another module. */
function absolute(
  entry: ModuleEntry,
  options: NormalizedLambdaHandlerOptions,
): ModuleEntry {
  if (entry.importPath === '') {
    throw new SchematicsException(
      `the ${options.trigger} feature module declares ${entry.symbol}, which --flat cannot move into another module; run without --flat.`,
    );
  }
  return entry.importPath.startsWith('.')
    ? { ...entry, importPath: posix.join(options.featureDir, entry.importPath) }
    : entry;
}
