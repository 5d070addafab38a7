import {
  chain,
  mergeWith,
  type Rule,
  type Tree,
} from '@angular-devkit/schematics';
import { formatNewFiles } from '../utils/format-new-files.rule.js';
import { refuseExisting } from '../utils/rendered-files.js';
import { initFiles } from './init-files.js';
import type { LambdaInitOptions } from './lambda-init.schema.js';
import {
  allowAppStartInTests,
  ignoreCdkOutput,
  updatePackageJson,
  useCollection,
} from './project-config.rules.js';
import { readApp } from './read-app.js';
import { validateBodies } from './validation-pipe.rule.js';

/**
 * Adds Lambda support to an existing Nest application (one made by `nest new`): the runtime kit,
 * `infra/` with an HTTP API function that serves the app's controllers, the scripts and
 * dependencies of a generated service, this collection in nest-cli.json, and CoreModule with the
 * global ValidationPipe generated handlers rely on. main.ts still serves the app over HTTP locally.
 */
export function main(raw: LambdaInitOptions): Rule {
  return (tree: Tree) => {
    const target = readApp(tree, raw);
    const files = initFiles(tree, target);
    return chain([
      refuseExisting(files, 'Lambda support'),
      mergeWith(files),
      updatePackageJson(target),
      useCollection(),
      ignoreCdkOutput(),
      allowAppStartInTests(),
      validateBodies(),
      formatNewFiles('/'),
    ]);
  };
}
