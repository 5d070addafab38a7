import { posix } from 'node:path';
import ts from 'typescript';

/** The runtime's npm name, as services import it. */
export const RUNTIME_PACKAGE = '@create-nest-lambda/runtime';

/** A module specifier as written in a module, and where its text sits inside the quotes. */
interface ModuleSpecifier {
  text: string;
  start: number;
  end: number;
}

/**
 * The module specifiers of a module: of its `import`/`export ... from` declarations and its
 * `import('...')` calls. Read from the TypeScript AST, so a path in a comment or a string is not one.
 */
function moduleSpecifiers(source: string, fileName: string): ModuleSpecifier[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest);
  const found: ModuleSpecifier[] = [];
  const visit = (node: ts.Node): void => {
    const specifier =
      ts.isImportDeclaration(node) || ts.isExportDeclaration(node)
        ? node.moduleSpecifier
        : ts.isCallExpression(node) &&
            node.expression.kind === ts.SyntaxKind.ImportKeyword
          ? node.arguments[0]
          : undefined;
    if (specifier !== undefined && ts.isStringLiteral(specifier)) {
      // Inside the quotes: an edit keeps the file's own quote style.
      found.push({
        text: specifier.text,
        start: specifier.getStart(file) + 1,
        end: specifier.end - 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Points every import of `from` in a module at `to`, splicing only the specifiers so that the rest
 * of the file keeps its formatting. `from` and `to` are module specifiers as written (a package
 * name, or a relative `.js` path).
 */
export function replaceModuleSpecifier(
  source: string,
  fileName: string,
  from: string,
  to: string,
): string {
  const edits = moduleSpecifiers(source, fileName).filter(
    (specifier) => specifier.text === from,
  );
  let result = source;
  for (const { start, end } of edits.reverse())
    result = result.slice(0, start) + to + result.slice(end);
  return result;
}

/**
 * The project paths a module at `fileName` imports by relative specifier: `./a.js` in
 * `/src/b.ts` is `/src/a.js`.
 */
export function relativeImports(source: string, fileName: string): string[] {
  return moduleSpecifiers(source, fileName)
    .filter(({ text }) => text.startsWith('./') || text.startsWith('../'))
    .map(({ text }) => posix.join(posix.dirname(fileName), text));
}

/** The relative specifier of `target` (a project path) from the module at `fromFile`. */
export function relativeSpecifier(fromFile: string, target: string): string {
  const path = posix.relative(posix.dirname(fromFile), target);
  return path.startsWith('.') ? path : `./${path}`;
}
