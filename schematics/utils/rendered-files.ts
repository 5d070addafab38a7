import {
  callSource,
  type Rule,
  SchematicsException,
  type Source,
  type Tree,
} from '@angular-devkit/schematics';
import { lastValueFrom } from 'rxjs';
import { specFileName } from './generate-options.js';

/**
 * Refuses, before anything is written, when a file the source would create already exists: a
 * generator never overwrites, and its error names the first file in the way. The source is
 * rendered once more for `mergeWith`; templates are small, so that costs a few milliseconds.
 */
export function refuseExisting(source: Source, what: string): Rule {
  return async (tree: Tree, context) => {
    const rendered = await lastValueFrom(callSource(source, context));
    const taken: string[] = [];
    rendered.visit((path) => {
      if (tree.exists(path)) taken.push(path.slice(1));
    });
    if (taken.length > 0) {
      const more = taken.length > 1 ? ` and ${taken.length - 1} more` : '';
      throw new SchematicsException(
        `${what} already exists (${taken.sort()[0]}${more}); choose another name. Nothing was changed.`,
      );
    }
  };
}

/**
 * With --force: deletes the files the source would create, so that merging it replaces them
 * (the tree records each as an overwrite). Only files of the generated name are touched.
 */
export function clearExisting(source: Source): Rule {
  return async (tree: Tree, context) => {
    const rendered = await lastValueFrom(callSource(source, context));
    rendered.visit((path) => {
      if (tree.exists(path)) tree.delete(path);
    });
  };
}

/** Renames `x.spec.ts` to `x.<suffix>.ts` for Nest's `--spec-file-suffix`. */
export function renameSpecs(suffix: string): Rule {
  return (tree: Tree) => {
    if (suffix === 'spec') return tree;
    const specs: string[] = [];
    tree.visit((path) => {
      if (path.endsWith('.spec.ts')) specs.push(path);
    });
    for (const path of specs) tree.rename(path, specFileName(path, suffix));
    return tree;
  };
}
