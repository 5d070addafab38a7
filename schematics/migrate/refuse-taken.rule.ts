import { posix } from 'node:path';
import {
  type Rule,
  SchematicsException,
  type Tree,
} from '@angular-devkit/schematics';
import type { MigrationInput } from './normalize-options.js';

/** Paths a migrated function writes; any of them present means the service has that function. */
export function functionPaths(root: string, name: string): string[] {
  return [
    `src/${name}`,
    `src/legacy/${name}`,
    `src/functions/${name}.function.ts`,
    `infra/functions/${name}.construct.ts`,
    `test/events/${name}.json`,
    `test/functions/${name}.legacy.spec.ts`,
  ].map((path) => posix.join(root, path));
}

function taken(tree: Tree, path: string): boolean {
  if (tree.exists(path)) return true;
  const dir = tree.getDir(path);
  return dir.subfiles.length > 0 || dir.subdirs.length > 0;
}

/**
 * Refuses, before anything is written, a function whose name the service already has (unless
 * --force), or two functions of one template that would get the same name.
 */
export function refuseTaken(input: MigrationInput): Rule {
  return (tree: Tree) => {
    const names = input.functions.map((m) => m.fn.name);
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice !== undefined) {
      throw new SchematicsException(
        `two functions of ${input.plan.source} would both be named "${twice}"; migrate them one at a time with --name.`,
      );
    }
    if (input.force) return;
    for (const name of names) {
      const path = functionPaths(input.root, name).find((p) => taken(tree, p));
      if (path !== undefined) {
        const fix =
          input.plan.sourceKind === 'handler'
            ? 'pass --name to choose another name'
            : 'leave it out with --name <the others>';
        throw new SchematicsException(
          `the service already has a function "${name}" (${path.slice(1)}); ${fix}, or --force to replace it. Nothing was changed.`,
        );
      }
    }
  };
}
