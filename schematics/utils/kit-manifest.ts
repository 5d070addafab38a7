import type { Tree } from '@angular-devkit/schematics';
import { inProject } from './generate-options.js';
import { generatorPackage } from './generator-package.js';
import { hashOf, type KitManifest } from './kit-hash.js';

export type { KitManifest } from './kit-hash.js';

/** Where `add lambda-runtime` ejects the runtime in a service. */
export const KIT_DIR = 'src/lambda';

/**
 * Written beside an ejected runtime: the hash of every file as the eject wrote it. A file whose
 * hash still matches was not edited, so `lambda-runtime` may replace or remove it.
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
