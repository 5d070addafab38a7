import {
  apply,
  MergeStrategy,
  mergeWith,
  type Source,
  type Tree,
} from '@angular-devkit/schematics';
import { serviceVersions } from '../utils/generator-package.js';
import { renderTemplates } from '../utils/render-templates.js';
import {
  isConstructFile,
  triggerTemplates,
} from '../utils/trigger-templates.js';
import type { InitTarget } from './read-app.js';

// Parts of a generated service's skeleton an existing app gets as they are. The app keeps its own
// package.json, nest-cli.json, tsconfig, vitest config, AppModule and README: those are edited.
const SKELETON = [
  '/infra/',
  '/scripts/invoke.ts',
  '/test/support/',
  '/test/infra/',
  '/cdk.json',
];
// Settings files it gets only when it has none.
const IF_MISSING = {
  '/__dot__gitignore': '/.gitignore',
  '/.prettierignore': '/.prettierignore',
  '/.prettierrc': '/.prettierrc',
  '/.oxlintrc.json': '/.oxlintrc.json',
} as const;

export function templateContext(target: InitTarget): Record<string, unknown> {
  const api = target.service.functions[0];
  return {
    ...target.service,
    ...api,
    dot: '.',
    versions: serviceVersions(),
    modules: [],
  };
}

/**
 * Everything lambda-init adds: the runtime kit, `infra/` with one HTTP API function, the invoke
 * script and test support, and from `templates/lambda-init/` CoreModule (what every function
 * imports), the `api` entry that serves the app's controllers, its sample event and its
 * invocation test.
 */
export function initFiles(tree: Tree, target: InitTarget): Source {
  const context = templateContext(target);
  const isSkeleton = (path: string) =>
    SKELETON.some((part) => path === part || path.startsWith(part)) ||
    (Object.entries(IF_MISSING) as [string, string][]).some(
      ([template, written]) => path === template && !tree.exists(written),
    );
  return apply(renderTemplates('project', context, '/', isSkeleton), [
    mergeWith(
      renderTemplates(
        triggerTemplates('http-api'),
        context,
        '/',
        isConstructFile,
      ),
      MergeStrategy.Error,
    ),
    mergeWith(
      renderTemplates('lambda-init', context, '/'),
      MergeStrategy.Error,
    ),
  ]);
}

/** The package.json of a generated service for this app, to take scripts and dependencies from. */
export function servicePackageJson(target: InitTarget): Source {
  return renderTemplates(
    'project',
    templateContext(target),
    '/',
    (path) => path === '/package.json.ejs',
  );
}
