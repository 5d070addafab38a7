import type { Path } from '@angular-devkit/core';
import {
  type Rule,
  SchematicsException,
  type Tree,
} from '@angular-devkit/schematics';
import {
  ModuleFinder,
  PathSolver,
} from '@nestjs/schematics/dist/utils/index.js';
import { editFile } from './edit-file.rule.js';
import { addToModuleMetadata, type ModuleEntry } from './module-metadata.js';

/** The first `*.module.ts` in `from`, else in the folders above it (Nest's `ModuleFinder`), or null. */
export function nearestModulePath(tree: Tree, from: string): string | null {
  return new ModuleFinder(tree).find({ name: '', path: from as Path });
}

/**
 * The nearest module, found as `nest g` finds it (Nest's `ModuleFinder`: the first `*.module.ts`
 * in `from`, else in the folders above), checked to have a `@Module({...})` to register
 * `symbols` in. Throws the error the user sees otherwise; call it before changing the tree, so
 * a refusal leaves the tree as it was.
 */
export function findNearestModule(
  tree: Tree,
  from: string,
  symbols: readonly string[],
): string {
  const target = nearestModulePath(tree, from);
  if (target === null) {
    throw new SchematicsException(
      `no module found in ${from.slice(1)} or above it to register ${symbols.join(', ')} in; pass --skip-import and register it yourself.`,
    );
  }
  addToModuleMetadata(
    tree.readText(target),
    symbols.map((symbol) => ({ metadata: 'imports', symbol, importPath: '' })),
    target.slice(1),
  );
  return target;
}

/**
 * Lists classes in the nearest module (see `findNearestModule`). Entries whose `importPath` is an
 * absolute tree path (`/src/x/x.module.js`) are imported relative to that module.
 */
export function registerInNearestModule(
  from: string,
  entries: readonly ModuleEntry[],
  projectRoot: string,
): Rule {
  return (tree: Tree) => {
    const symbols = [...new Set(entries.map((entry) => entry.symbol))];
    const target = findNearestModule(tree, from, symbols);
    const solver = new PathSolver();
    const relative = entries.map((entry) => ({
      ...entry,
      importPath: entry.importPath.startsWith('/')
        ? `${solver.relative(target as Path, entry.importPath.replace(/\.js$/, '') as Path)}.js`
        : entry.importPath,
    }));
    return editFile(
      target,
      projectRoot,
      (source) => addToModuleMetadata(source, relative, target.slice(1)),
      `${target.slice(1)} was not found.`,
    );
  };
}
