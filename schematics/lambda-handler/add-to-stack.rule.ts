import {
  type Rule,
  SchematicsException,
  type Tree,
} from '@angular-devkit/schematics';
import { editFile } from '../utils/edit-file.rule.js';
import { inProject } from '../utils/generate-options.js';
import { STACK_FILE as STACK } from '../utils/project-paths.js';
import {
  addFunctionToStack,
  type StackFunction,
} from '../utils/stack-functions.js';
import type { NormalizedLambdaHandlerOptions } from './normalize-options.js';

function missing(): string {
  return `${STACK} not found; lambda-handler adds functions to a create-nest-lambda service (run create-nest-lambda init in a Nest app first).`;
}

function constructOf(options: NormalizedLambdaHandlerOptions): StackFunction {
  return {
    className: options.className,
    importPath: `./functions/${options.name}.construct.js`,
  };
}

/** Refuses, before anything changes, a service whose stack the construct cannot be added to. */
export function checkStack(
  tree: Tree,
  options: NormalizedLambdaHandlerOptions,
): void {
  const path = inProject(options.root, STACK);
  if (!tree.exists(path)) throw new SchematicsException(missing());
  addFunctionToStack(tree.readText(path), constructOf(options), STACK);
}

/** `new XFunction(this, 'X');` in the stack's constructor, and its import. */
export function addToStack(options: NormalizedLambdaHandlerOptions): Rule {
  return editFile(
    inProject(options.root, STACK),
    options.root,
    (source) => addFunctionToStack(source, constructOf(options), STACK),
    missing(),
  );
}
