// Reads the source a migration names (a handler reference, a serverless.yml, a SAM or
// CloudFormation template) from disk, once, before any rule runs, and turns it into a plan. The
// source is only ever read. Every problem is an Error whose message names the fix.
import { basename, dirname, extname, resolve } from 'node:path';
import { loadTemplate } from './sam/cfn-yaml.js';
import { resolveHandlerFile } from './handler/handler-ref.js';
import { handlerPlan } from './handler/handler-plan.js';
import { checkExport, isFile, readText } from './handler/legacy-files.js';
import type { MigrateTrigger, MigrationPlan } from '../plan/plan.js';
import { checkSiblingVariables } from '../plan/route-conflicts.js';
import { samPlan } from './sam/sam-plan.js';
import {
  isPrefixedDefault,
  parseNameOption,
  prefixedNote,
} from '../plan/function-names.js';
import {
  serverlessPlan,
  type TemplateAccess,
} from './serverless/serverless-plan.js';

export interface SourceOptions {
  /** As the user typed it. */
  source: string;
  /** Directory the source is relative to. */
  cwd: string;
  name?: string;
  type?: MigrateTrigger;
}

export function sourceKind(
  source: string,
): 'serverless' | 'template' | 'handler' {
  const name = basename(source);
  if (/^serverless\.(ya?ml|json)$/.test(name)) return 'serverless';
  if (/^serverless\.[cm]?[jt]s$/.test(name)) {
    throw new Error(
      `${source} is code, not YAML; run \`serverless print > serverless.yml\` and migrate that`,
    );
  }
  return ['.yaml', '.yml', '.json'].includes(extname(source))
    ? 'template'
    : 'handler';
}

export function planFromSource(options: SourceOptions): MigrationPlan {
  const kind = sourceKind(options.source);
  if (kind === 'handler') return handlerPlan(options);
  if (options.type !== undefined) {
    throw new Error(
      `--type applies to a handler file; ${options.source} says its own triggers, so leave --type out`,
    );
  }
  const file = resolve(options.cwd, options.source);
  const text = readText(file);
  if (text === undefined)
    throw new Error(`${options.source} not found; check the path`);
  const document = loadTemplate(options.source, text);
  const names =
    options.name === undefined ? undefined : parseNameOption(options.name);
  const wanted = names?.selectors;
  const access: TemplateAccess = {
    ...templateAccess(options.source, dirname(file)),
    ...(wanted === undefined
      ? {}
      : {
          include: (key, name) => wanted.includes(key) || wanted.includes(name),
        }),
  };
  const plan =
    kind === 'serverless'
      ? serverlessPlan(document, access)
      : samPlan(assertTemplate(document, options.source), access);
  const missing = (wanted ?? []).filter(
    (name) =>
      !plan.functions.some((fn) => fn.sourceName === name || fn.name === name),
  );
  if (missing.length > 0) {
    throw new Error(
      `${options.source} has no Node.js function ${missing.join(', ')}; check --name`,
    );
  }
  checkSiblingVariables(plan.functions, options.source);
  return named(plan, names?.renames ?? new Map());
}

/** The renames of --name applied; a prefixed default (`legacy-delete`) said in a note. */
function named(
  plan: MigrationPlan,
  renames: Map<string, string>,
): MigrationPlan {
  const notes = [...plan.notes];
  const functions = plan.functions.map((fn) => {
    const rename = renames.get(fn.sourceName) ?? renames.get(fn.name);
    if (rename !== undefined) return { ...fn, name: rename };
    if (isPrefixedDefault(fn.sourceName, fn.name))
      notes.push(prefixedNote(fn.sourceName, fn.name, plan.source));
    return fn;
  });
  return { ...plan, functions, notes };
}

function assertTemplate(
  document: Record<string, unknown>,
  source: string,
): Record<string, unknown> {
  if (typeof document.Resources !== 'object' || document.Resources === null) {
    throw new Error(
      `${source} has no Resources; pass a SAM or CloudFormation template, a serverless.yml or a handler`,
    );
  }
  return document;
}

function templateAccess(file: string, dir: string): TemplateAccess {
  return {
    file,
    resolveHandler: (reference, codeDir) => {
      const base = resolve(dir, codeDir);
      const found = resolveHandlerFile(reference, base, isFile);
      checkExport(found);
      return found;
    },
    readData: (path) => {
      const text = readText(resolve(dir, path));
      return text === undefined ? undefined : loadTemplate(path, text);
    },
  };
}
