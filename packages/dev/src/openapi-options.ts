import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './options.js';

/** What `nest-lambda-openapi` is asked for. */
export interface OpenApiOptions {
  /** The folder the documents go to, as given (relative to the service). */
  readonly out: string;
  /** The HTTP functions to document; all of them when empty. */
  readonly functions: readonly string[];
}

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * `nest-lambda-openapi [<function> ...] [--out <folder>]`: the folder defaults to `openapi`.
 * Throws a `UsageError` naming the problem and the fix.
 */
export function readOpenApiOptions(
  argv: readonly string[],
  root: string,
): OpenApiOptions {
  let values: { out?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' } },
    }));
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.split('\n')[0]}; the options are --out <folder> and the names of HTTP functions.`,
    );
  }
  const out = values.out ?? 'openapi';
  if (out.trim() === '')
    throw new UsageError('--out needs a folder, e.g. --out openapi.');
  const target = resolve(root, out);
  if (existsSync(target) && !statSync(target).isDirectory())
    throw new UsageError(
      `--out "${out}" is a file; pass a folder, e.g. --out openapi.`,
    );
  const bad = positionals.find((name) => !NAME.test(name));
  if (bad !== undefined)
    throw new UsageError(
      `"${bad}" is not a function name; name the functions as in src/functions/<name>.function.ts, e.g. api.`,
    );
  return { out, functions: [...new Set(positionals)] };
}
