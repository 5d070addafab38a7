import { join } from '@angular-devkit/core';
import {
  chain,
  MergeStrategy,
  mergeWith,
  type Rule,
  SchematicsException,
  type Source,
  type Tree,
} from '@angular-devkit/schematics';
import { formatNewFiles } from '../utils/format-new-files.rule.js';
import { serviceVersions } from '../utils/generator-package.js';
import { renderTemplates } from '../utils/render-templates.js';
import {
  isConstructFile,
  triggerTemplates,
} from '../utils/trigger-templates.js';
import type { ApplicationOptions } from './application.schema.js';
import {
  type NormalizedApplicationOptions,
  normalizeApplicationOptions,
} from './normalize-options.js';
import type { ScaffoldFunction } from './scaffold-functions.js';

export function main(raw: ApplicationOptions): Rule {
  const options = normalizeApplicationOptions(raw);
  return chain([
    prepareDirectory(options),
    mergeWith(renderProject(options), MergeStrategy.Overwrite),
    ...options.functions.flatMap((fn) =>
      renderFunction(options, fn).map((source) => mergeWith(source)),
    ),
    formatNewFiles(options.directory),
  ]);
}

/** An empty or missing folder is used as is; a non-empty one only with --force, and then emptied. */
function prepareDirectory(options: NormalizedApplicationOptions): Rule {
  return (tree: Tree) => {
    const directory = tree.getDir(options.directory);
    if (directory.subfiles.length === 0 && directory.subdirs.length === 0)
      return tree;
    if (!options.force) {
      throw new SchematicsException(
        `directory "${options.directory}" is not empty; pass --force to replace it, or choose another --directory.`,
      );
    }
    directory.visit((path) => {
      // The user's git history survives a forced re-scaffold, as with create-vite's --overwrite.
      if (!path.startsWith(join(directory.path, '.git') + '/'))
        tree.delete(path);
    });
    return tree;
  };
}

function projectContext(
  options: NormalizedApplicationOptions,
): Record<string, unknown> {
  return {
    ...options,
    // `__dot__gitignore` becomes `.gitignore`: npm leaves files named .gitignore out of a package.
    dot: '.',
    versions: serviceVersions(),
    modules: options.functions.flatMap((fn) => fn.modules),
  };
}

function renderProject(options: NormalizedApplicationOptions): Source {
  // The correlation-id module belongs to the sample domain, as the orders do.
  const include = (path: string) =>
    !(options.minimal && path.startsWith('/src/correlation/'));
  return renderTemplates(
    'project',
    projectContext(options),
    options.directory,
    include,
  );
}

/**
 * A function's files: its hand-written sample, if the trigger has one, plus the trigger's
 * construct and CORS policy; otherwise everything the trigger's template adds (as `nest g lambda-handler` would).
 */
function renderFunction(
  options: NormalizedApplicationOptions,
  fn: ScaffoldFunction,
): Source[] {
  const context = { ...projectContext(options), ...fn };
  const trigger = triggerTemplates(fn.trigger);
  if (!fn.sample) return [renderTemplates(trigger, context, options.directory)];
  return [
    renderTemplates(`samples/${fn.trigger}`, context, options.directory),
    renderTemplates(trigger, context, options.directory, isConstructFile),
  ];
}
