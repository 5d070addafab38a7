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
    const created = new Set(
      tree.actions
        .filter((a) => a.kind === 'c' || (replaced && a.kind === 'o'))
        .map((a) => a.path)
        .filter((path) => tree.exists(path)),
    );
    const sources = new Map<string, string>(
      [...created].map((path) => [path, tree.readText(path)]),
    );
    const formatted = await formatForProject(tree, projectRoot, sources);
    for (const [path, text] of formatted)
      if (text !== sources.get(path)) tree.overwrite(path, text);
    return tree;
  };
}

/**
 * Files as the project's Prettier prints them, with its settings read from the tree (a new
 * project's `.prettierrc` is not on disk yet). Keys are the files' paths, kept as they are; their
 * extensions choose the parser.
 */
export async function formatForProject(
  tree: Tree,
  projectRoot: string,
  files: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const config = readPrettierConfig(tree, projectRoot);
  const result = new Map<string, string>();
  for (const [path, source] of files)
    result.set(path, await formatGenerated(path, source, config));
  return result;
}

/**
 * A generated file as the project's Prettier prints it; files Prettier is not run on here are
 * returned as they are. Every schematic that writes our templates formats them through this.
 */
async function formatGenerated(
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
