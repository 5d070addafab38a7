import type { Rule, Tree } from '@angular-devkit/schematics';
import { join, normalize } from '@angular-devkit/core';
import * as prettier from 'prettier';

const FORMATTED = /\.(ts|js|mjs|cjs|json|md)$/;

/**
 * Formats the files this run creates with the project's own Prettier settings (read from the
 * tree, since a new project's `.prettierrc` is not on disk yet). Files that already existed are left
 * alone: re-printing them would drop the user's own formatting. With `replaced`, the run has
 * replaced files of its own (--force) before this rule, and those are formatted too.
 */
export function formatNewFiles(projectRoot: string, replaced = false): Rule {
  return async (tree: Tree) => {
    const config = readPrettierConfig(tree, projectRoot);
    const created = tree.actions
      .filter((a) => a.kind === 'c' || (replaced && a.kind === 'o'))
      .map((a) => a.path);
    for (const path of new Set(created)) {
      if (!tree.exists(path)) continue;
      const source = tree.readText(path);
      const formatted = await formatGenerated(path, source, config);
      if (formatted !== source) tree.overwrite(path, formatted);
    }
    return tree;
  };
}

/**
 * A generated file as the project's Prettier prints it; files Prettier is not run on here are
 * returned as they are. Every schematic that writes our templates formats them through this.
 */
export async function formatGenerated(
  path: string,
  source: string,
  config: prettier.Options,
): Promise<string> {
  if (!FORMATTED.test(path)) return source;
  return prettier
    .format(source, { ...config, filepath: path })
    .catch((error: unknown) => {
      // Only a template bug can get here: name the file, not Prettier's code frame.
      const reason =
        error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(
        `rendered ${path} is not valid (${reason}); please report this bug`,
      );
    });
}

export function readPrettierConfig(
  tree: Tree,
  projectRoot: string,
): prettier.Options {
  const path = join(normalize(projectRoot), '.prettierrc');
  return tree.exists(path)
    ? (JSON.parse(tree.readText(path)) as prettier.Options)
    : {};
}
