// Handler references come in two spellings: ours, `path/to/file.js#exportName`, and the one
// Serverless and SAM share, `path/to/file.exportName`, where the file has no extension and Lambda
// tries each one it knows. Both are parsed here without touching the disk; `resolveHandlerFile`
// takes an `exists` probe so that tests can run on plain strings.
import { posix } from 'node:path';

export const CODE_EXTENSIONS = [
  '.js',
  '.cjs',
  '.mjs',
  '.ts',
  '.cts',
  '.mts',
] as const;

export interface ParsedHandlerRef {
  /** The file as written; without an extension in the Serverless/SAM form. */
  file: string;
  exportName: string;
  /** True when the file was written without its extension (`file.exportName`). */
  extensionless: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function hasCodeExtension(file: string): boolean {
  return CODE_EXTENSIONS.some((extension) => file.endsWith(extension));
}

/** Parses a handler reference; throws an Error whose message names the fix. */
export function parseHandlerRef(reference: string): ParsedHandlerRef {
  const text = reference.trim().replaceAll('\\', '/');
  const hash = text.lastIndexOf('#');
  if (hash >= 0) {
    const file = text.slice(0, hash);
    const exportName = text.slice(hash + 1);
    if (file === '' || !IDENTIFIER.test(exportName)) {
      throw new Error(
        `handler "${reference}" is not valid; write it as path/to/file.js#exportName`,
      );
    }
    return { file, exportName, extensionless: !hasCodeExtension(file) };
  }
  const base = posix.basename(text);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) {
    throw new Error(
      `handler "${reference}" names no export; write it as path/to/file.js#exportName or path/to/file.exportName`,
    );
  }
  const exportName = base.slice(dot + 1);
  if (!IDENTIFIER.test(exportName)) {
    throw new Error(
      `handler "${reference}" is not valid; "${exportName}" is not an export name`,
    );
  }
  return {
    file: text.slice(0, text.length - exportName.length - 1),
    exportName,
    extensionless: true,
  };
}

/**
 * The file a reference points at, relative to `baseDir` (absolute). A reference that names an
 * existing code file with no export, as in `src/orders.js`, means its `handler` export, as Lambda's
 * default handler name does.
 */
export function resolveHandlerFile(
  reference: string,
  baseDir: string,
  exists: (absolutePath: string) => boolean,
): { file: string; exportName: string } {
  const whole = posix.resolve(baseDir, reference.trim().replaceAll('\\', '/'));
  if (!reference.includes('#') && hasCodeExtension(whole) && exists(whole)) {
    return { file: whole, exportName: 'handler' };
  }
  const parsed = parseHandlerRef(reference);
  const stem = posix.resolve(baseDir, parsed.file);
  const candidates = parsed.extensionless
    ? [stem, ...CODE_EXTENSIONS.map((extension) => stem + extension)]
    : [stem];
  const file = candidates.find(
    (candidate) => hasCodeExtension(candidate) && exists(candidate),
  );
  if (file === undefined) {
    const tried = parsed.extensionless
      ? `${parsed.file}{${CODE_EXTENSIONS.join(',')}}`
      : parsed.file;
    throw new Error(
      `handler file ${tried} not found in ${baseDir}; check the path`,
    );
  }
  return { file, exportName: parsed.exportName };
}
