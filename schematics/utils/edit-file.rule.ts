import {
  type Rule,
  SchematicsException,
  type Tree,
} from '@angular-devkit/schematics';
import * as prettier from 'prettier';
import { readPrettierConfig } from './format-new-files.rule.js';

/**
 * Applies a pure text edit (`(source) => string`) to one existing file of the tree.
 *
 * The edit splices text in and keeps everything else byte for byte. If the file was formatted
 * by Prettier with the project's settings before the edit, it is formatted again after it, so an
 * inserted line longer than the print width is wrapped as Prettier would wrap it and
 * `format:check` keeps passing; a file the user formats differently is left exactly as they
 * wrote it, plus the inserted text. Formatting an already-formatted file changes only what the
 * edit touched, and Prettier keeps comments.
 */
export function editFile(
  path: string,
  projectRoot: string,
  edit: (source: string) => string,
  missing: string,
): Rule {
  return async (tree: Tree) => {
    if (!tree.exists(path)) throw new SchematicsException(missing);
    const before = tree.readText(path);
    const after = edit(before);
    if (after === before) return tree;
    const options = {
      ...readPrettierConfig(tree, projectRoot),
      filepath: path,
    };
    const formatted = (await prettier.check(before, options))
      ? await prettier.format(after, options)
      : after;
    tree.overwrite(path, formatted);
    return tree;
  };
}
