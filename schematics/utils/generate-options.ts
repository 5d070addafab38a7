import { posix } from 'node:path';
import { SchematicsException } from '@angular-devkit/schematics';
import { type NameForms, toNameForms } from './names.js';

/** The options `nest g` passes to every schematic, whatever its schema declares. */
export interface NestGenerateOptions {
  name?: string;
  path?: string;
  language?: string;
  sourceRoot?: string;
  spec?: boolean;
  flat?: boolean;
  specFileSuffix?: string;
  skipImport?: boolean;
  format?: boolean;
}

/** Where a generated service keeps its parts, from the `sourceRoot` of `nest-cli.json`. */
export interface ProjectLayout {
  /** The project folder in the tree: `/` for a service at the root of the workspace. */
  root: string;
  /** Its source folder: `/src`. */
  sourceRoot: string;
}

/**
 * Reads the generic `nest g` options that our schematics support and refuses the ones they
 * cannot honour, before any rule runs: our files sit where the runtime kit and the stack expect
 * them (`src/<name>/`, `src/functions/`, `infra/functions/`), so there is no `path` to choose.
 */
export function projectLayout(
  options: NestGenerateOptions,
  schematic: string,
): ProjectLayout {
  if (options.language !== undefined && options.language !== 'ts') {
    throw new SchematicsException(
      `${schematic} generates TypeScript only, not "${options.language}"; set "language": "ts" in nest-cli.json.`,
    );
  }
  if (options.path !== undefined && options.path !== '') {
    throw new SchematicsException(
      `${schematic} places its files by convention and takes no path ("${options.path}"); leave the path out.`,
    );
  }
  const sourceRoot = posix.join('/', options.sourceRoot ?? 'src');
  if (posix.basename(sourceRoot) !== 'src' || sourceRoot.includes('..')) {
    throw new SchematicsException(
      `${schematic} needs the sources in a folder named src, not "${options.sourceRoot}"; set "sourceRoot": "src" in nest-cli.json.`,
    );
  }
  return { root: posix.dirname(sourceRoot), sourceRoot };
}

/**
 * Checks the name of a generated function or provider (`what` is `function` or `provider`). Spaces
 * get their own message: `toNameForms` would quietly turn them into dashes.
 */
export function generatedName(
  raw: string | undefined,
  what: string,
): NameForms {
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '') {
    throw new SchematicsException(
      `${what} name missing; pass one, e.g. "payment-events".`,
    );
  }
  if (/\s/.test(trimmed)) {
    throw new SchematicsException(
      `${what} "${raw}" contains spaces; use dashes, e.g. "${trimmed.toLowerCase().split(/\s+/).join('-')}".`,
    );
  }
  return toNameForms(trimmed, what);
}

/** Nest's `--spec-file-suffix`, checked: `spec` unless told otherwise. */
export function specFileSuffix(raw: string | undefined): string {
  const suffix = raw ?? 'spec';
  if (!/^[a-z][a-z0-9-]*$/.test(suffix)) {
    throw new SchematicsException(
      `spec file suffix "${suffix}" is not a plain word; use e.g. "spec" or "test".`,
    );
  }
  return suffix;
}

/** `x.spec.ts` as named under `--spec-file-suffix`. */
export function specFileName(path: string, suffix: string): string {
  return path.replace(/\.spec\.ts$/, `.${suffix}.ts`);
}

/** A path of the tree inside the project folder. */
export function inProject(root: string, path: string): string {
  return posix.join(root, path);
}
