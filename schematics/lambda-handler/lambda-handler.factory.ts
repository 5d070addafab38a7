import { posix } from 'node:path';
import {
  apply,
  chain,
  filter,
  mergeWith,
  noop,
  type Rule,
  SchematicsException,
  type Source,
  type Tree,
} from '@angular-devkit/schematics';
import { inProject } from '../utils/generate-options.js';
import { useEjectedRuntime } from '../utils/ejected-runtime.rule.js';
import { formatNewFiles } from '../utils/format-new-files.rule.js';
import type { FunctionModule } from '../utils/function-module.js';
import { generatorPackage } from '../utils/generator-package.js';
import {
  clearExisting,
  refuseExisting,
  renameSpecs,
} from '../utils/rendered-files.js';
import { refusingLast } from '../utils/refusals.rule.js';
import { renderTemplates } from '../utils/render-templates.js';
import { triggerTemplates } from '../utils/trigger-templates.js';
import { findNearestModule } from '../utils/register-in-module.rule.js';
import { addIdempotencyDependencies } from './add-idempotency-dependencies.rule.js';
import { addToStack, checkStack } from './add-to-stack.rule.js';
import { functionModule } from './function-module.js';
import type { LambdaHandlerOptions } from './lambda-handler.schema.js';
import {
  type NormalizedLambdaHandlerOptions,
  normalizeLambdaHandlerOptions,
} from './normalize-options.js';
import { isFeatureModule, registerFeature } from './register-feature.rule.js';

export const main = refusingLast(lambdaHandler);

function lambdaHandler(raw: LambdaHandlerOptions): Rule {
  const options = normalizeLambdaHandlerOptions(raw);
  return (tree: Tree) => {
    const root = functionModule(tree, options);
    // With --flat the feature module is not written: what it declares goes to an existing one.
    const files = renderFunction(options, tree, root, (path) =>
      options.flat ? !isFeatureModule(path) : true,
    );
    const featureModule = renderFunction(options, tree, root, isFeatureModule);
    return chain([
      options.force
        ? clearExisting(files)
        : refuseExisting(files, `function "${options.name}"`),
      preflight(options),
      mergeWith(files),
      useEjectedRuntime(options.root),
      formatNewFiles(options.root, options.force),
      options.skipImport ? noop() : registerFeature(options, featureModule),
      addToStack(options),
      options.idempotency ? addIdempotencyDependencies(options.root) : noop(),
    ]);
  };
}

/** Every other refusal, before the tree changes: a refused run leaves it as it was. */
function preflight(options: NormalizedLambdaHandlerOptions): Rule {
  return (tree: Tree) => {
    checkStack(tree, options);
    // The feature module (or, with --flat, the module that takes its imports) imports CoreModule.
    const core = posix.join(options.sourceRoot, 'core', 'core.module.ts');
    if (!tree.exists(core)) {
      throw new SchematicsException(
        `${core.slice(1)} not found: the function's module imports CoreModule (the correlation id and the global ValidationPipe every function needs); add it as a newly scaffolded service has it.`,
      );
    }
    if (options.skipImport) return;
    const registered = options.flat
      ? `${options.className}${options.http ? 'Controller' : 'Handler'}`
      : `${options.className}Module`;
    findNearestModule(
      tree,
      options.flat ? options.featureDir : options.sourceRoot,
      [registered],
    );
  };
}

/** Everything the trigger's template adds for this name: feature, entry, construct, event, tests. */
function renderFunction(
  options: NormalizedLambdaHandlerOptions,
  tree: Tree,
  root: FunctionModule,
  include: (templatePath: string) => boolean,
): Source {
  const context = {
    ...templateVariables(tree, options.root),
    name: options.name,
    className: options.className,
    propertyName: options.propertyName,
    trigger: options.trigger,
    idempotency: options.idempotency,
    functionModule: root,
  };
  return apply(
    renderTemplates(
      triggerTemplates(options.trigger),
      context,
      options.root,
      include,
    ),
    [
      filter((path) => options.spec || !path.endsWith('.spec.ts')),
      renameSpecs(options.specFileSuffix),
    ],
  );
}

/** The project-wide variables of CONTRIBUTING.md that a project already on disk can tell. */
function templateVariables(tree: Tree, root: string) {
  const path = inProject(root, 'package.json');
  const manifest = tree.exists(path)
    ? (tree.readJson(path) as { name?: string })
    : {};
  return {
    serviceName: manifest.name ?? '',
    generatorVersion: generatorPackage.version,
  };
}
