import ts from 'typescript';
import type { ModuleEntry } from './module-metadata.js';

// What a feature module can hand over to another module: its `imports` too, since that module then
// becomes the root a function boots and needs what the feature module imported (CoreModule).
// `exports` stay with it.
const MOVABLE = ['imports', 'controllers', 'providers'];

/**
 * The classes a module's `@Module({...})` declares in `imports`, `controllers` and `providers`,
 * each with the specifier it is imported from in that file. `--flat` uses it to register what a feature module
 * would have held in an existing module instead. Entries that are not plain imported identifiers
 * (`{ provide: ..., useValue: ... }`, spreads) are returned with an empty `importPath` so the
 * caller can refuse rather than drop them.
 */
export function readModuleDeclarations(source: string): ModuleEntry[] {
  const file = parse(source);
  const imported = new Map<string, string>();
  for (const statement of file.statements.filter(ts.isImportDeclaration)) {
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
    for (const element of bindings.elements)
      imported.set(element.name.text, specifier);
  }

  const entries: ModuleEntry[] = [];
  for (const property of moduleClass(file)?.metadata.properties ?? []) {
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

/** The name of the class a module file decorates with `@Module(...)`, if it has one. */
export function readModuleClassName(source: string): string | undefined {
  return moduleClass(parse(source))?.name;
}

function parse(source: string): ts.SourceFile {
  return ts.createSourceFile(
    'module.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
}

interface ModuleClass {
  name: string | undefined;
  metadata: ts.ObjectLiteralExpression;
}

function moduleClass(file: ts.SourceFile): ModuleClass | undefined {
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
        return { name: statement.name?.text, metadata: call.arguments[0] };
    }
  }
  return undefined;
}
