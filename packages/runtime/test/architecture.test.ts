import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The runtime's shape, checked on its sources: no import cycles (type-only imports count too, as
// they tie files together for a reader), and a TSDoc comment on every export, which editors show.

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts'))
  .map((path) => join(SRC, path));

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
}

/** The files of src/ a file imports or re-exports from. */
function localImports(source: ts.SourceFile): string[] {
  return source.statements.flatMap((statement) => {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    if (!specifier || !ts.isStringLiteral(specifier)) return [];
    if (!specifier.text.startsWith('.')) return [];
    return [
      resolve(dirname(source.fileName), specifier.text.replace(/\.js$/, '.ts')),
    ];
  });
}

function cycles(): string[][] {
  const graph = new Map(files.map((file) => [file, localImports(parse(file))]));
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      found.push(stack.slice(stack.indexOf(file)).map((f) => relative(SRC, f)));
      return;
    }
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) visit(file);
  return found;
}

/** Exported declarations without a `/** ... *\/` comment, as `file: name`. */
function undocumentedExports(): string[] {
  return files.flatMap((file) => {
    const source = parse(file);
    return source.statements.flatMap((statement, index) => {
      // An overload after the first shares the first one's comment, as TSDoc reads them.
      const previous = source.statements[index - 1];
      if (
        ts.isFunctionDeclaration(statement) &&
        previous !== undefined &&
        ts.isFunctionDeclaration(previous) &&
        previous.name?.text === statement.name?.text
      )
        return [];
      const exported =
        ts.canHaveModifiers(statement) &&
        ts
          .getModifiers(statement)
          ?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) return [];
      const jsDoc = (statement as { jsDoc?: unknown[] }).jsDoc;
      if (jsDoc !== undefined && jsDoc.length > 0) return [];
      const name =
        (statement as { name?: ts.Identifier }).name?.text ??
        (ts.isVariableStatement(statement)
          ? statement.declarationList.declarations
              .map((d) => d.name.getText(source))
              .join(', ')
          : '?');
      return [`${relative(SRC, file)}: ${name}`];
    });
  });
}

describe('the runtime package', () => {
  it('has no import cycles', () => {
    expect(cycles()).toEqual([]);
  });

  it('documents every export with a TSDoc comment', () => {
    expect(undocumentedExports()).toEqual([]);
  });
});
