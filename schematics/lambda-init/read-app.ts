import { SchematicsException, type Tree } from '@angular-devkit/schematics';
import {
  type NormalizedApplicationOptions,
  normalizeApplicationOptions,
} from '../application/normalize-options.js';
import { KIT_DIR } from '../utils/kit-manifest.js';
import type { LambdaInitOptions } from './lambda-init.schema.js';
import type { PackageJson } from './merge-package-json.js';

/** The Nest application lambda-init works on, and the service options it becomes. */
export interface InitTarget {
  packageJson: PackageJson;
  /** What the scaffold would have been given for this app: its name, one `api` HTTP API function. */
  service: NormalizedApplicationOptions;
}

/**
 * Checks that the tree is a Nest application that lambda-init can work on, before anything
 * changes, and names the fix when it is not.
 */
export function readApp(tree: Tree, raw: LambdaInitOptions): InitTarget {
  const required: [string, string][] = [
    ['/package.json', 'no package.json here'],
    ['/nest-cli.json', 'no nest-cli.json here'],
    ['/src/app.module.ts', 'no src/app.module.ts here'],
  ];
  for (const [path, problem] of required) {
    if (!tree.exists(path)) {
      throw new SchematicsException(
        `${problem}; run init in the root folder of a Nest application (one made by nest new).`,
      );
    }
  }
  const marker = ['/cdk.json', `/${KIT_DIR}/index.ts`].find((path) =>
    tree.exists(path),
  );
  if (marker !== undefined) {
    throw new SchematicsException(
      `this app has Lambda support already (${marker.slice(1)} exists); to update the runtime run npm update @create-nest-lambda/runtime.`,
    );
  }
  const packageJson = tree.readJson('/package.json') as PackageJson;
  if (packageJson.type !== 'module') {
    throw new SchematicsException(
      'package.json has no "type": "module"; the Lambda entries are ES modules (as nest new of Nest 12 makes), so convert the app to ESM first.',
    );
  }
  const name = typeof packageJson.name === 'string' ? packageJson.name : '';
  try {
    return {
      packageJson,
      service: normalizeApplicationOptions({
        name,
        triggers: ['http-api'],
        runtime: raw.runtime,
      }),
    };
  } catch (error) {
    throw new SchematicsException(
      `package.json: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
