import {
  apply,
  chain,
  mergeWith,
  noop,
  type Rule,
  type Source,
  type Tree,
} from '@angular-devkit/schematics';
import { useEjectedRuntime } from '../utils/ejected-runtime.rule.js';
import { formatNewFiles } from '../utils/format-new-files.rule.js';
import type { ModuleEntry } from '../utils/module-metadata.js';
import {
  findNearestModule,
  registerInNearestModule,
} from '../utils/register-in-module.rule.js';
import {
  clearExisting,
  refuseExisting,
  renameSpecs,
} from '../utils/rendered-files.js';
import { refusingLast } from '../utils/refusals.rule.js';
import { renderTemplates } from '../utils/render-templates.js';
import { RUNTIME_PACKAGE } from '../utils/runtime-imports.js';
import {
  type NormalizedRequestProviderOptions,
  normalizeRequestProviderOptions,
} from './normalize-options.js';
import type { RequestProviderOptions } from './request-provider.schema.js';

export const main = refusingLast(requestProvider);

function requestProvider(raw: RequestProviderOptions): Rule {
  const options = normalizeRequestProviderOptions(raw);
  const files = renderProvider(options);
  const entries = registration(options);
  return chain([
    options.force
      ? clearExisting(files)
      : refuseExisting(files, `provider "${options.providerClassName}"`),
    // The last refusal, before the tree changes: a refused run leaves it as it was.
    options.skipImport
      ? noop()
      : (tree) => {
          findNearestModule(tree, registrationFolder(tree, options), [
            entries[0].symbol,
          ]);
        },
    mergeWith(files),
    useEjectedRuntime(options.root),
    formatNewFiles(options.root, options.force),
    options.skipImport
      ? noop()
      : (tree) =>
          registerInNearestModule(
            registrationFolder(tree, options),
            entries,
            options.root,
          ),
  ]);
}

/**
 * Where the module to register in is looked for: `src/core/`, so that CoreModule, which every
 * function's module graph holds, brings the provider to every function; `src/` (AppModule) in a
 * project without CoreModule.
 */
function registrationFolder(
  tree: Tree,
  options: NormalizedRequestProviderOptions,
): string {
  const core = `${options.sourceRoot}/core`;
  return tree.exists(`${core}/core.module.ts`) ? core : options.sourceRoot;
}

/** The provider and its spec, and (unless --flat) the global module that exports it. */
function renderProvider(options: NormalizedRequestProviderOptions): Source {
  const context = { ...options, kitImport: RUNTIME_PACKAGE };
  return apply(
    renderTemplates(
      'request-provider',
      context,
      options.directory,
      (path) =>
        (!options.flat || !path.endsWith('.module.ts.ejs')) &&
        (options.spec || !path.includes('.spec.ts')),
    ),
    [renameSpecs(options.specFileSuffix)],
  );
}

/**
 * Its module goes into the `imports` of CoreModule (see `registrationFolder`), so the provider can
 * be injected everywhere; with --flat the provider itself is listed and exported there instead.
 */
function registration(
  options: NormalizedRequestProviderOptions,
): ModuleEntry[] {
  if (!options.flat) {
    return [
      {
        metadata: 'imports',
        symbol: `${options.className}Module`,
        importPath: `${options.directory}/${options.name}.module.js`,
      },
    ];
  }
  const importPath = `${options.directory}/${options.name}-id.provider.js`;
  const symbol = options.providerClassName;
  return [
    { metadata: 'providers', symbol, importPath },
    { metadata: 'exports', symbol, importPath },
  ];
}
