import { posix } from 'node:path';
import { chain, noop, type Rule, type Tree } from '@angular-devkit/schematics';
import { editFile } from '../utils/edit-file.rule.js';
import {
  addDependencies,
  addIgnoreLine,
  addLegacyAssets,
  addOxlintIgnore,
  enableAllowJs,
} from './render/project-files.js';
import type { MigrationInput } from './normalize-options.js';

/** The per-function legacy trees keep their own style: lint and Prettier leave them alone. */
const LEGACY_TREES_PRETTIER = 'src/legacy/*/';
const LEGACY_TREES_OXLINT = 'src/legacy/*/**';

/**
 * Settings the copied legacy code needs to build, lint and bundle in the service (see
 * migrate-project-files.ts for each), applied to the files that exist; each is a no-op when the
 * setting is already there.
 */
export function updateProjectSettings(input: MigrationInput): Rule {
  const edit = (path: string, change: (source: string) => string): Rule => {
    const full = posix.join(input.root, path);
    return (tree: Tree) =>
      tree.exists(full)
        ? editFile(full, input.root, change, `${path} not found`)
        : noop();
  };
  // Prettier has no parser for ignore files: edit them as plain text.
  const editText = (path: string, change: (source: string) => string): Rule => {
    const full = posix.join(input.root, path);
    return (tree: Tree) => {
      if (!tree.exists(full)) return;
      const before = tree.readText(full);
      const after = change(before);
      if (after !== before) tree.overwrite(full, after);
    };
  };
  const packages: Record<string, string> = {};
  const devPackages: Record<string, string> = {};
  for (const { sources } of input.functions) {
    for (const pkg of sources.packages)
      if (pkg.range !== undefined)
        (pkg.dev ? devPackages : packages)[pkg.name] = pkg.range;
  }
  return chain([
    edit('tsconfig.json', enableAllowJs),
    edit('nest-cli.json', addLegacyAssets),
    editText('.prettierignore', (source) =>
      addIgnoreLine(source, LEGACY_TREES_PRETTIER),
    ),
    edit('.oxlintrc.json', (source) =>
      addOxlintIgnore(source, LEGACY_TREES_OXLINT),
    ),
    edit('package.json', (source) =>
      addDependencies(source, packages, devPackages),
    ),
  ]);
}
