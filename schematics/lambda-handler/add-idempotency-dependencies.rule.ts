import type { Rule, Tree } from '@angular-devkit/schematics';
import { inProject } from '../utils/generate-options.js';
import { serviceVersions } from '../utils/generator-package.js';

/**
 * What `@Idempotent()` loads at run time: the runtime declares both as optional peers, so a
 * service that uses it declares them itself (and NestFunction bundles them only then).
 */
export const IDEMPOTENCY_PACKAGES = [
  '@aws-lambda-powertools/idempotency',
  '@aws-sdk/client-dynamodb',
] as const;

interface Manifest {
  dependencies?: Record<string, string>;
}

/** Adds the idempotency packages to the service's dependencies, with the ranges tested here. */
export function addIdempotencyDependencies(root: string): Rule {
  return (tree: Tree) => {
    const path = inProject(root, 'package.json');
    if (!tree.exists(path)) return;
    const manifest = tree.readJson(path) as Manifest;
    const missing = IDEMPOTENCY_PACKAGES.filter(
      (name) => manifest.dependencies?.[name] === undefined,
    );
    if (missing.length === 0) return;
    const versions = serviceVersions();
    const dependencies: Record<string, string> = { ...manifest.dependencies };
    for (const name of missing) dependencies[name] = versions[name]!;
    const sorted = Object.fromEntries(
      Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)),
    );
    tree.overwrite(
      path,
      `${JSON.stringify({ ...manifest, dependencies: sorted }, null, 2)}\n`,
    );
  };
}
