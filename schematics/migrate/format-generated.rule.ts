import type { Rule, Tree } from '@angular-devkit/schematics';
import * as prettier from 'prettier';
import { readPrettierConfig } from '../utils/format-new-files.rule.js';

/**
 * Formats the TypeScript files and sample events this run generated, with the project's Prettier settings. Unlike
 * `formatNewFiles`, it leaves the copied legacy code alone: that is copied byte for byte.
 */
export function formatGenerated(paths: readonly string[], root: string): Rule {
  return async (tree: Tree) => {
    const config = readPrettierConfig(tree, root);
    for (const path of paths) {
      if (!tree.exists(path)) continue;
      const source = tree.readText(path);
      // A source's own event file that Prettier cannot parse stays as it was.
      const formatted = await prettier
        .format(source, { ...config, filepath: path })
        .catch(() => source);
      if (formatted !== source) tree.overwrite(path, formatted);
    }
    return tree;
  };
}
