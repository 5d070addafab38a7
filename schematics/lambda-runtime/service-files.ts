import type { Tree } from '@angular-devkit/schematics';
import { inProject } from '../utils/generate-options.js';

/** The folders of a service that hold its TypeScript; node_modules, dist and cdk.out stay unread. */
const SOURCE_DIRS = ['src', 'test', 'scripts', 'infra'];

/** Every TypeScript file of the service (tree paths), those under `except/` left out. */
export function serviceTypeScriptFiles(
  tree: Tree,
  root: string,
  except: string,
): string[] {
  const skip = `${inProject(root, except)}/`;
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) {
    tree.getDir(inProject(root, dir)).visit((path) => {
      if (path.endsWith('.ts') && !path.startsWith(skip)) files.push(path);
    });
  }
  return files.sort();
}

interface PackageJson {
  dependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * Changes the service's dependencies: `remove` first, then `add` (dependencies) and `addDev`
 * (devDependencies) where the service does not declare the package yet (its own range wins). npm
 * keeps them sorted; so do we.
 */
export function editDependencies(
  tree: Tree,
  root: string,
  change: {
    add?: Readonly<Record<string, string>>;
    addDev?: Readonly<Record<string, string>>;
    remove?: string[];
  },
): void {
  const path = inProject(root, 'package.json');
  const json = JSON.parse(tree.readText(path)) as PackageJson & {
    devDependencies?: Record<string, string>;
  };
  const dependencies = { ...json.dependencies };
  for (const name of change.remove ?? []) delete dependencies[name];
  for (const [name, range] of Object.entries(change.add ?? {})) {
    if (!(name in dependencies) && !(name in (json.devDependencies ?? {})))
      dependencies[name] = range;
  }
  const devDependencies = { ...json.devDependencies };
  for (const [name, range] of Object.entries(change.addDev ?? {})) {
    if (!(name in dependencies) && !(name in devDependencies))
      devDependencies[name] = range;
  }
  const sorted = (record: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  json.dependencies = sorted(dependencies);
  if (change.addDev !== undefined)
    json.devDependencies = sorted(devDependencies);
  tree.overwrite(path, `${JSON.stringify(json, null, 2)}\n`);
}
