import { posix } from 'node:path';
import {
  chain,
  type Rule,
  SchematicsException,
  type Tree,
} from '@angular-devkit/schematics';
import { editFile } from '../utils/edit-file.rule.js';
import {
  addToModuleMetadata,
  type ModuleEntry,
} from '../utils/module-metadata.js';
import {
  addFunctionToStack,
  type StackFunction,
} from '../utils/stack-functions.js';
import type { MigrationInput } from './normalize-options.js';

const APP_MODULE = 'src/app.module.ts';
const CORE_MODULE = 'src/core/core.module.ts';
const STACK = 'infra/service.stack.ts';

const moduleEntry = (name: string, className: string): ModuleEntry => ({
  metadata: 'imports',
  symbol: `${className}Module`,
  importPath: `./${name}/${name}.module.js`,
});

const stackFunction = (name: string, className: string): StackFunction => ({
  className,
  importPath: `./functions/${name}.construct.js`,
});

/**
 * Refuses, before the tree changes, a service whose AppModule or stack cannot take the functions,
 * or that has no CoreModule for their modules to import.
 */
export function checkRegistration(input: MigrationInput): Rule {
  return (tree: Tree) => {
    for (const [path, what] of [
      [APP_MODULE, 'the root module'],
      [CORE_MODULE, 'the module every function imports'],
      [STACK, 'the CDK stack'],
    ] as const) {
      if (!tree.exists(posix.join(input.root, path))) {
        throw new SchematicsException(
          `${path} (${what}) not found; run migrate in a service made by create-nest-lambda, or pass its folder with --project.`,
        );
      }
    }
    const module = tree.readText(posix.join(input.root, APP_MODULE));
    const stack = tree.readText(posix.join(input.root, STACK));
    for (const { fn, className } of input.functions) {
      addToModuleMetadata(
        module,
        [moduleEntry(fn.name, className)],
        APP_MODULE,
      );
      addFunctionToStack(stack, stackFunction(fn.name, className), STACK);
    }
  };
}

/** Each function's module in AppModule's imports, and `new XFunction(this, 'X')` in the stack. */
export function registerFunctions(input: MigrationInput): Rule {
  const entries = input.functions.map(({ fn, className }) =>
    moduleEntry(fn.name, className),
  );
  return chain([
    editFile(
      posix.join(input.root, APP_MODULE),
      input.root,
      (source) => addToModuleMetadata(source, entries, APP_MODULE),
      `${APP_MODULE} not found`,
    ),
    editFile(
      posix.join(input.root, STACK),
      input.root,
      (source) =>
        input.functions.reduce(
          (edited, { fn, className }) =>
            addFunctionToStack(
              edited,
              stackFunction(fn.name, className),
              STACK,
            ),
          source,
        ),
      `${STACK} not found`,
    ),
  ]);
}
