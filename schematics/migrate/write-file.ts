import type { Tree } from '@angular-devkit/schematics';

/** Creates `path`, or replaces it when `--force` let the run replace an existing function. */
export function writeFile(
  tree: Tree,
  path: string,
  content: string | Buffer,
): void {
  if (tree.exists(path)) tree.overwrite(path, content);
  else tree.create(path, content);
}
