import type { Rule, Tree } from '@angular-devkit/schematics';
import { inProject } from './generate-options.js';
import { generatorPackage } from './generator-package.js';
import { hashOf, type KitManifest } from './kit-hash.js';

export type { KitManifest } from './kit-hash.js';

/** The runtime kit's folder in a generated project. */
export const KIT_DIR = 'src/lambda';

/**
 * Written beside the kit when it is generated: the hash of every kit file as it was written. A
 * file whose hash still matches was not edited, so `lambda-runtime` may replace it.
 */
export const KIT_MANIFEST = `${KIT_DIR}/.kit-manifest.json`;

/** The kit's files in the tree (path inside `src/lambda/` → content), the manifest left out. */
export function readKitFiles(tree: Tree, root: string): Map<string, string> {
  const dir = tree.getDir(inProject(root, KIT_DIR));
  const files = new Map<string, string>();
  dir.visit((path) => {
    const relative = path.slice(dir.path.length + 1);
    if (`${KIT_DIR}/${relative}` !== KIT_MANIFEST)
      files.set(relative, tree.readText(path));
  });
  return files;
}

export function readKitManifest(
  tree: Tree,
  root: string,
): KitManifest | undefined {
  const path = inProject(root, KIT_MANIFEST);
  return tree.exists(path)
    ? (JSON.parse(tree.readText(path)) as KitManifest)
    : undefined;
}

export function kitManifestOf(files: ReadonlyMap<string, string>): string {
  const manifest: KitManifest = {
    generatorVersion: generatorPackage.version,
    files: Object.fromEntries(
      [...files]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([path, content]) => [path, hashOf(content)]),
    ),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Records every file now in `src/lambda/` as the kit's, unedited. Runs last, after formatting,
 * when a schematic has just written the whole kit (the scaffold, `lambda-init`).
 */
export function writeKitManifest(root: string): Rule {
  return (tree: Tree) => {
    const content = kitManifestOf(readKitFiles(tree, root));
    const path = inProject(root, KIT_MANIFEST);
    if (tree.exists(path)) tree.overwrite(path, content);
    else tree.create(path, content);
    return tree;
  };
}
