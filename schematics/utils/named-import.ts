import ts from 'typescript';
import { afterTrailingComments, lineBreakOf } from './text-position.js';

/**
 * Adds `import { symbol } from 'specifier';` after the file's last import, unless `symbol` is
 * already imported: Nest's `ModuleImportDeclarator` adds its line unconditionally, so a second run
 * would import the same name twice. A value import from the same specifier gets the name added to
 * its braces instead of a second line. Only the new text is spliced in; the rest stays as it was.
 */
export function addNamedImport(
  source: string,
  symbol: string,
  specifier: string,
): string {
  const file = ts.createSourceFile(
    'file.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  const imports = file.statements.filter(ts.isImportDeclaration);
  if (imports.some((declaration) => importsName(declaration, symbol)))
    return source;

  const sibling = imports.find(
    (declaration) =>
      (declaration.moduleSpecifier as ts.StringLiteral).text === specifier &&
      declaration.importClause?.isTypeOnly === false &&
      declaration.importClause.namedBindings !== undefined &&
      ts.isNamedImports(declaration.importClause.namedBindings) &&
      declaration.importClause.namedBindings.elements.length > 0,
  );
  const named = sibling?.importClause?.namedBindings as
    ts.NamedImports | undefined;
  const lastName = named?.elements.at(-1);
  if (lastName !== undefined) {
    const at = lastName.getEnd();
    return `${source.slice(0, at)}, ${symbol}${source.slice(at)}`;
  }

  const eol = lineBreakOf(source);
  const line = `import { ${symbol} } from '${specifier}';`;
  const last = imports.at(-1);
  if (last === undefined) {
    // No import yet: the new one opens the file (after a shebang, which must stay on line 1).
    const start = source.startsWith('#!') ? source.indexOf('\n') + 1 : 0;
    return `${source.slice(0, start)}${line}${eol}${source.slice(start)}`;
  }
  const end = afterTrailingComments(source, last.getEnd());
  return `${source.slice(0, end)}${eol}${line}${source.slice(end)}`;
}

/** Whether the declaration binds `symbol` locally: a named import (or its alias) or a default one. */
function importsName(declaration: ts.ImportDeclaration, symbol: string) {
  const clause = declaration.importClause;
  if (clause === undefined) return false;
  if (clause.name?.text === symbol) return true;
  const bindings = clause.namedBindings;
  if (bindings === undefined) return false;
  if (ts.isNamespaceImport(bindings)) return bindings.name.text === symbol;
  return bindings.elements.some((element) => element.name.text === symbol);
}
