// Reading the legacy sources from disk: they live outside the project tree, so the schematic reads
// them before any rule runs, and never writes them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import { discoverExports, type ExportInfo } from './exports.js';
import type { LegacyHandlerRef } from '../../plan/plan.js';

export const isFile = (path: string): boolean =>
  existsSync(path) && statSync(path).isFile();

export function readText(path: string): string | undefined {
  return isFile(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The export a handler names; throws when it is missing or plainly not a function. */
export function checkExport(handler: LegacyHandlerRef): ExportInfo {
  const text = readText(handler.file) ?? '';
  const { exports } = discoverExports(handler.file, text);
  const found = exports.get(handler.exportName);
  const shown = posix.basename(handler.file);
  if (found === undefined) {
    const names = [...exports.keys()];
    throw new Error(
      `${shown} has no export "${handler.exportName}"${names.length > 0 ? ` (it exports ${names.join(', ')})` : ''}; name the export that is the handler`,
    );
  }
  if (found.kind === 'value') {
    throw new Error(
      `${shown} exports "${handler.exportName}", but it is not a function; name the handler function`,
    );
  }
  return found;
}
