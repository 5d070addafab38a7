// Collects what a migrated function copies into `src/legacy/<name>/`: its module and every local
// file it loads, laid out as they were relative to their common folder, plus the module format
// Node gave them (the nearest package.json `type`), which the copy keeps in a package.json of its
// own so that CommonJS stays CommonJS under the project's `"type": "module"`.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { discoverExports } from './exports.js';
import { collectImportGraph } from './imports.js';
import { readText } from './legacy-files.js';
import {
  packageVersions,
  type LegacyManifest,
  type LegacyPackage,
} from './package-versions.js';
import type { LegacyHandlerRef } from '../../plan/plan.js';

export interface LegacySources {
  /** Paths relative to `src/legacy/<name>/`, with their bytes. */
  files: { path: string; content: Buffer }[];
  /** The handler module, relative to `src/legacy/<name>/`, as TypeScript imports it (`.ts` → `.js`). */
  entry: string;
  moduleType: 'commonjs' | 'module';
  /** npm packages the files import, with the version the legacy project gives them. */
  packages: LegacyPackage[];
  unresolved: string[];
  dynamic: string[];
}

export function collectSources(handler: LegacyHandlerRef): LegacySources {
  const graph = collectImportGraph(handler.file, { read: readText });
  const root = commonFolder(graph.files.map((file) => dirname(file)));
  const manifest = nearestPackageJson(dirname(handler.file));
  const files = graph.files.map((file) => ({
    path: relative(root, file).split(sep).join('/'),
    content: readFileSync(file),
  }));
  return {
    files,
    entry: importSpecifier(relative(root, handler.file).split(sep).join('/')),
    moduleType: moduleTypeOf(manifest?.json, handler.file),
    packages: packageVersions(
      dirname(handler.file),
      graph.packages,
      graph.typePackages,
      manifest?.json,
    ),
    unresolved: graph.unresolved,
    dynamic: graph.dynamic,
  };
}

/** The specifier TypeScript (nodenext) imports a file by: `.ts` → `.js`, `.mts` → `.mjs`, `.cts` → `.cjs`. */
export function importSpecifier(path: string): string {
  return path
    .replace(/\.ts$/, '.js')
    .replace(/\.mts$/, '.mjs')
    .replace(/\.cts$/, '.cjs');
}

function commonFolder(folders: string[]): string {
  const split = folders.map((folder) => folder.split(sep));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split) {
    let same = 0;
    while (same < Math.min(length, parts.length) && parts[same] === first[same])
      same += 1;
    length = same;
  }
  return first.slice(0, length).join(sep) || sep;
}

interface PackageJson extends LegacyManifest {
  type?: string;
}

function nearestPackageJson(
  start: string,
): { dir: string; json: PackageJson } | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const text = readText(join(dir, 'package.json'));
    if (text !== undefined)
      return { dir, json: JSON.parse(text) as PackageJson };
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * How Node reads the `.js` and `.ts` files (`.mjs`/`.cjs` speak for themselves): the package's
 * `type`; with no package.json at all, Node 22 (Lambda's runtime) looks at the syntax.
 */
function moduleTypeOf(
  manifest: PackageJson | undefined,
  entry: string,
): 'commonjs' | 'module' {
  if (manifest !== undefined)
    return manifest.type === 'module' ? 'module' : 'commonjs';
  return discoverExports(entry, readText(entry) ?? '').format === 'esm'
    ? 'module'
    : 'commonjs';
}
