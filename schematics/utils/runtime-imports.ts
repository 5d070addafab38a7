import { posix } from 'node:path';
import ts from 'typescript';

/** The runtime's npm name, as services import it. */
export const RUNTIME_PACKAGE = '@create-nest-lambda/runtime';

/**
 * Points every `import`/`export ... from` of `from` in a module at `to`, splicing only the
 * specifiers so that the rest of the file keeps its formatting. `from` and `to` are module
 * specifiers as written (a package name, or a relative `.js` path).
 */
export function replaceModuleSpecifier(
  source: string,
  fileName: string,
  from: string,
  to: string,
): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest);
  const edits: { start: number; end: number }[] = [];
  for (const statement of file.statements) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    if (
      specifier !== undefined &&
      ts.isStringLiteral(specifier) &&
      specifier.text === from
    ) {
      // Inside the quotes: the file's own quote style stays.
      edits.push({
        start: specifier.getStart(file) + 1,
        end: specifier.end - 1,
      });
    }
  }
  let result = source;
  for (const { start, end } of edits.reverse())
    result = result.slice(0, start) + to + result.slice(end);
  return result;
}

/** The relative specifier of `target` (a project path) from the module at `fromFile`. */
export function relativeSpecifier(fromFile: string, target: string): string {
  const path = posix.relative(posix.dirname(fromFile), target);
  return path.startsWith('.') ? path : `./${path}`;
}
