import type { Rule, Tree } from '@angular-devkit/schematics';
import { inProject } from './generate-options.js';
import { KIT_DIR } from './kit-manifest.js';
import {
  relativeSpecifier,
  replaceModuleSpecifier,
  RUNTIME_PACKAGE,
} from './runtime-imports.js';

/**
 * Templates import the runtime package. In a service that ejected the runtime into `src/lambda/`
 * (and so no longer depends on the package), the files this run creates import that copy instead.
 */
export function useEjectedRuntime(root: string): Rule {
  return (tree: Tree) => {
    if (!tree.exists(inProject(root, `${KIT_DIR}/index.ts`))) return tree;
    const index = inProject(root, `${KIT_DIR}/index.js`);
    const created = tree.actions
      .filter((action) => action.kind === 'c' && action.path.endsWith('.ts'))
      .map((action) => action.path);
    for (const path of new Set(created)) {
      if (!tree.exists(path)) continue;
      const source = tree.readText(path);
      const result = replaceModuleSpecifier(
        source,
        path,
        RUNTIME_PACKAGE,
        relativeSpecifier(path, index),
      );
      if (result !== source) tree.overwrite(path, result);
    }
    return tree;
  };
}
