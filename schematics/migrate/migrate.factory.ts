import { posix } from 'node:path';
import {
  chain,
  mergeWith,
  type Rule,
  type Tree,
} from '@angular-devkit/schematics';
import type { ResourceKind } from './plan/plan.js';
import { renderResourcesModule } from './render/render-resources.js';
import { appendReport, renderReport } from './render/report.js';
import { useEjectedRuntime } from '../utils/ejected-runtime.rule.js';
import { renderTemplates } from '../utils/render-templates.js';
import { announce } from './announce.rule.js';
import { checkBuild } from './check-build.rule.js';
import { formatGenerated } from './format-generated.rule.js';
import type { MigrateOptions } from './migrate.schema.js';
import { loadMigration, type MigrationInput } from './normalize-options.js';
import { updateProjectSettings } from './project-settings.rule.js';
import { checkRegistration, registerFunctions } from './register.rule.js';
import { refuseTaken } from './refuse-taken.rule.js';
import { writeFile } from './write-file.js';
import { generatedPaths, writeFunctions } from './write-functions.rule.js';

/**
 * `create-nest-lambda migrate <source>`: moves legacy Lambda functions into the service, each
 * answering exactly as before. The source is read from disk once, here; every write goes through
 * the tree, so a refused or failed run (and --dry-run) leaves the service as it was.
 */
export function main(raw: MigrateOptions): Rule {
  const input = loadMigration(raw);
  return (tree: Tree) => {
    const resourcesModule = resourcesModuleName(tree, input);
    const resources = new Map<string, ResourceKind>(
      input.plan.resources.map((r) => [r.logicalId, r.kind]),
    );
    const resourcesPath = posix.join(
      input.root,
      'infra',
      'legacy',
      `${resourcesModule}.ts`,
    );
    return chain([
      refuseTaken(input),
      checkRegistration(input),
      announce(input),
      addSupportFiles(input),
      writeFunctions(input, resources, resourcesModule),
      writeResources(input, resourcesPath),
      updateProjectSettings(input),
      registerFunctions(input),
      writeReport(input, resourcesModule),
      useEjectedRuntime(input.root),
      checkBuild(input),
      formatGenerated(
        [
          ...generatedPaths(input),
          resourcesPath,
          posix.join(input.root, 'MIGRATION.md'),
        ],
        input.root,
      ),
    ]);
  };
}

/** `infra/legacy/<source>.resources`, or `<source>-2.resources`, ... when an earlier run took the name. */
function resourcesModuleName(tree: Tree, input: MigrationInput): string {
  const exists = (name: string) =>
    tree.exists(posix.join(input.root, 'infra', 'legacy', `${name}.ts`));
  if (input.force || !exists(input.resourcesName)) return input.resourcesName;
  const base = input.resourcesName.replace(/\.resources$/, '');
  let n = 2;
  while (exists(`${base}-${n}.resources`)) n += 1;
  return `${base}-${n}.resources`;
}

/** The adapter and the shared-resource helper, written once per service and then the service's own. */
function addSupportFiles(input: MigrationInput): Rule {
  return (tree: Tree) =>
    mergeWith(
      renderTemplates(
        'migrate/support',
        {},
        input.root,
        (path) => !tree.exists(posix.join(input.root, path)),
      ),
    );
}

function writeResources(input: MigrationInput, path: string): Rule {
  const apis = (type: 'http-api' | 'rest-api') => [
    ...new Set(
      input.plan.functions.flatMap((fn) =>
        fn.triggers.flatMap((t) => (t.type === type ? [t.api] : [])),
      ),
    ),
  ];
  const module = {
    source: input.plan.source,
    scope: input.scope,
    resources: input.plan.resources,
    httpApis: apis('http-api'),
    restApis: apis('rest-api'),
    authorizers: input.plan.functions.some((fn) =>
      fn.triggers.some(
        (t) =>
          'auth' in t && (t.auth?.kind === 'jwt' || t.auth?.kind === 'cognito'),
      ),
    ),
  };
  const empty =
    module.resources.length +
      module.httpApis.length +
      module.restApis.length ===
    0;
  return (tree: Tree) => {
    if (!empty) writeFile(tree, path, renderResourcesModule(module));
  };
}

function writeReport(input: MigrationInput, resourcesModule: string): Rule {
  return (tree: Tree) => {
    const path = posix.join(input.root, 'MIGRATION.md');
    const section = renderReport({
      plan: input.plan,
      resourcesModule,
      extra: input.extra,
      functions: input.functions.map(({ fn, sources, sample }) => ({
        name: fn.name,
        sourceName: fn.sourceName,
        handler: `${posix.basename(fn.handler.file)}#${fn.handler.exportName}`,
        legacyDir: `src/legacy/${fn.name}/`,
        files: sources.files.length,
        sample: sample.from,
        packages: sources.packages,
      })),
    });
    writeFile(
      tree,
      path,
      appendReport(
        tree.exists(path) ? tree.readText(path) : undefined,
        section,
      ),
    );
  };
}
