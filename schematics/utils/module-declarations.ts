import ts from 'typescript';
import type { ModuleEntry } from './module-metadata.js';

// What a feature module can hand over to another module; `imports` and `exports` stay with it.
const MOVABLE = ['controllers', 'providers'];

/**
 * The classes a module's `@Module({...})` declares in `controllers` and `providers`, each with the
 * specifier it is imported from in that file. `--flat` uses it to register what a feature module
 * would have held in an existing module instead. Entries that are not plain imported identifiers
 * (`{ provide: ..., useValue: ... }`, spreads) are returned with an empty `importPath` so the
 * caller can refuse rather than drop them.
 */
export function readModuleDeclarations(source: string): ModuleEntry[] {
  const file = ts.createSourceFile(
    'module.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  const imported = new Map<string, string>();
  for (const statement of file.statements.filter(ts.isImportDeclaration)) {
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
    for (const element of bindings.elements)
      imported.set(element.name.text, specifier);
  }

  const entries: ModuleEntry[] = [];
  for (const property of moduleMetadata(file)?.properties ?? []) {
    if (!ts.isPropertyAssignment(property)) continue;
    const metadata = property.name.getText(file);
    if (!MOVABLE.includes(metadata)) continue;
    if (!ts.isArrayLiteralExpression(property.initializer)) continue;
    for (const element of property.initializer.elements) {
      const symbol = element.getText(file);
      const importPath = ts.isIdentifier(element)
        ? (imported.get(symbol) ?? '')
        : '';
      entries.push({ metadata, symbol, importPath });
    }
  }
  return entries;
}

function moduleMetadata(
  file: ts.SourceFile,
): ts.ObjectLiteralExpression | undefined {
  for (const statement of file.statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    for (const modifier of statement.modifiers ?? []) {
      if (!ts.isDecorator(modifier)) continue;
      const call = modifier.expression;
      if (
        ts.isCallExpression(call) &&
        call.expression.getText(file) === 'Module' &&
        call.arguments[0] !== undefined &&
        ts.isObjectLiteralExpression(call.arguments[0])
      )
        return call.arguments[0];
    }
  }
  return undefined;
}
