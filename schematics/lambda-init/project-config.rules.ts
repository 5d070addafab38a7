import {
  callSource,
  type Rule,
  type SchematicContext,
  type Tree,
} from '@angular-devkit/schematics';
import { lastValueFrom } from 'rxjs';
import { editFile } from '../utils/edit-file.rule.js';
import { addVitestTestOption } from '../utils/vitest-config.js';
import { servicePackageJson } from './init-files.js';
import { appendMissingLines } from './ignore-files.js';
import { mergePackageJson, type PackageJson } from './merge-package-json.js';
import type { InitTarget } from './read-app.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The scripts and dependencies of a generated service, added to the app's package.json. */
export function updatePackageJson(target: InitTarget): Rule {
  return async (tree: Tree, context: SchematicContext) => {
    const rendered = await lastValueFrom(
      callSource(servicePackageJson(target), context),
    );
    const service = JSON.parse(
      rendered.readText('/package.json'),
    ) as PackageJson;
    const { json: merged, keptScripts } = mergePackageJson(
      target.packageJson,
      service,
    );
    tree.overwrite('/package.json', json(merged));
    for (const name of keptScripts) {
      context.logger.warn(
        `kept your "${name}" script; a generated service runs "${service.scripts?.[name]}".`,
      );
    }
  };
}

/** `nest g` reads this package's collection, which still has every standard Nest schematic. */
export function useCollection(): Rule {
  return (tree: Tree) => {
    const config = tree.readJson('/nest-cli.json') as Record<string, unknown>;
    if (config.collection !== 'create-nest-lambda')
      tree.overwrite(
        '/nest-cli.json',
        json({ ...config, collection: 'create-nest-lambda' }),
      );
  };
}

/** CDK's output stays out of git and out of Prettier's checks. */
export function ignoreCdkOutput(): Rule {
  return (tree: Tree) => {
    const entries: [string, string[]][] = [
      ['/.gitignore', ['/cdk.out']],
      ['/.prettierignore', ['cdk.out']],
    ];
    for (const [path, lines] of entries) {
      if (!tree.exists(path)) continue;
      const source = tree.readText(path);
      const edited = appendMissingLines(source, lines);
      if (edited !== source) tree.overwrite(path, edited);
    }
  };
}

const TIMEOUT = {
  key: 'testTimeout',
  value: '30_000',
  comment:
    "Specs that import a Lambda entry start a whole Nest application, as Lambda's init phase does.",
};

/** A spec that invokes an entry starts the whole app, which takes longer than vitest's 5 s default. */
export function allowAppStartInTests(): Rule {
  return (tree: Tree, context: SchematicContext) => {
    const path = '/vitest.config.ts';
    if (
      !tree.exists(path) ||
      addVitestTestOption(tree.readText(path), TIMEOUT) === undefined
    ) {
      context.logger.warn(
        `could not find test: { ... } in ${path.slice(1)}; set test.testTimeout to 30_000 yourself.`,
      );
      return tree;
    }
    return editFile(
      path,
      '/',
      (source) => addVitestTestOption(source, TIMEOUT) ?? source,
      `${path.slice(1)} not found.`,
    );
  };
}
