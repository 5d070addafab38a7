import { dirname, relative, resolve } from 'node:path';
import { SchematicsException } from '@angular-devkit/schematics';
import { projectLayout } from '../utils/generate-options.js';
import {
  collectSources,
  type LegacySources,
} from './sources/handler/legacy-sources.js';
import {
  MIGRATE_TRIGGERS,
  type Finding,
  type MigrationPlan,
  type PlannedFunction,
} from './plan/plan.js';
import { scopeParameters, scopePrefix } from './plan/source-scope.js';
import { sampleEvent } from './render/sample-event.js';
import { planFromSource } from './sources/plan-from-source.js';
import { toNameForms } from '../utils/names.js';
import type { MigrateOptions } from './migrate.schema.js';

export interface MigratedFunction {
  fn: PlannedFunction;
  className: string;
  sources: LegacySources;
  /** The sample event's JSON text, and where it came from. */
  sample: { text: string; from: string };
  /** `serverless.yml (functions.createOrder)`: where the function came from, for comments. */
  origin: string;
}

export interface MigrationInput {
  root: string;
  /** The service's folder on disk: its node_modules are what the migrated code must build against. */
  projectDir: string;
  sourceRoot: string;
  plan: MigrationPlan;
  functions: MigratedFunction[];
  /** Base name (no extension) of the resources module in infra/legacy, before any clash. */
  resourcesName: string;
  /** What the names this source adds to the stack start with (see source-scope.ts). */
  scope: string;
  force: boolean;
  /** Findings about the copied code: imports that resolve to nothing, dynamic requires. */
  extra: Finding[];
}

/**
 * Reads the legacy source from disk and plans the migration, before any rule runs: a source that
 * does not parse, a missing file or export, a template without a Node.js function, a bad name,
 * each stop here, with one line naming the fix, and the tree stays untouched.
 */
export function loadMigration(raw: MigrateOptions): MigrationInput {
  const layout = projectLayout(raw, 'migrate');
  const cwd = resolve(raw.cwd ?? process.cwd());
  if (raw.type !== undefined && !MIGRATE_TRIGGERS.includes(raw.type)) {
    throw new SchematicsException(
      `--type ${raw.type} is not a trigger migrate knows; use one of ${MIGRATE_TRIGGERS.join(', ')}.`,
    );
  }
  const planned = asInputError(() =>
    planFromSource({
      source: raw.source,
      cwd,
      ...(raw.name === undefined ? {} : { name: raw.name }),
      ...(raw.type === undefined ? {} : { type: raw.type }),
    }),
  );
  const sourceDir =
    planned.sourceKind === 'handler'
      ? undefined
      : dirname(resolve(cwd, planned.source));
  const scope = scopePrefix(
    planned.sourceKind,
    sourceDir ?? cwd,
    planned.source,
  );
  const plan = scopeParameters(planned, scope);
  const extra: Finding[] = [];
  const notes: Finding[] = [];
  const functions = plan.functions.map((fn) => {
    // A local file the handler loads may not parse either: bad input too.
    const sources = asInputError(() => collectSources(fn.handler));
    const codeDir = sourceDir ?? dirname(fn.handler.file);
    for (const item of sources.unresolved) {
      extra.push({
        subject: `import in ${fn.name}`,
        detail: 'resolves to no file; fix the path in the legacy code',
        where: relative(cwd, item),
      });
    }
    for (const item of sources.dynamic) {
      extra.push({
        subject: `dynamic require in ${fn.name}`,
        detail: 'loads a file known only at run time, which was not copied',
        where: relative(cwd, item),
      });
    }
    const where = relative(cwd, fn.handler.file);
    for (const pkg of sources.packages) {
      if (pkg.range === undefined) {
        extra.push({
          subject: `package ${pkg.name} of ${fn.name}`,
          detail: `neither the legacy package.json nor its lockfile gives a version, so it was not added: add it to package.json${pkg.dev ? ' (devDependencies)' : ''}, or ${fn.name} does not build (the other functions do)`,
          where,
        });
      } else if (pkg.from === 'runtime') {
        notes.push({
          subject: `package ${pkg.name} of ${fn.name}`,
          detail: `the legacy Lambda runtime provided it; added to package.json as ${pkg.range}`,
          where,
        });
      }
    }
    return {
      fn,
      className: toNameForms(fn.name, 'Function').className,
      sources,
      sample: sampleEvent(fn, codeDir),
      origin:
        plan.sourceKind === 'handler'
          ? plan.source
          : `${plan.source} (${fn.sourceName})`,
    };
  });
  return {
    root: layout.root,
    projectDir: resolve(raw.projectDir ?? process.cwd()),
    sourceRoot: layout.sourceRoot,
    plan: { ...plan, notes: [...plan.notes, ...notes] },
    functions,
    resourcesName: `${resourcesSlug(plan, functions, sourceDir)}.resources`,
    scope,
    force: raw.force ?? false,
    extra,
  };
}

/** The resources module is named after the function (a handler) or the source's folder (a template). */
function resourcesSlug(
  plan: MigrationPlan,
  functions: MigratedFunction[],
  sourceDir: string | undefined,
): string {
  if (sourceDir === undefined) return functions[0]?.fn.name ?? 'legacy';
  const folder = sourceDir.split(/[\\/]/).pop() ?? '';
  const slug = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' || slug === '.' ? 'legacy' : slug;
}

/** The readers throw plain Errors; to the CLI, a source it cannot use is a usage error (exit 2). */
function asInputError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SchematicsException) throw error;
    throw new SchematicsException(
      error instanceof Error ? error.message : String(error),
    );
  }
}
