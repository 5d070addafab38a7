// Finds what a legacy module exports, CommonJS or ESM, with the TypeScript parser (no type
// checking, no program): enough to tell "export missing", "export is not a function" and "cannot
// tell until it runs" apart before anything is written, and to read the event type for inference.
import ts from 'typescript';
import {
  classifyExpression,
  describeFunction,
  unwrap,
  type ExportKind,
} from './export-kind.js';

export interface ExportInfo {
  /** `default` for `export default` and for `module.exports = <function>`. */
  name: string;
  kind: ExportKind;
  /** How the function answers, when it is a function we can see. */
  style?: 'async' | 'callback' | 'context' | 'returns';
  /** Where the function is in the text, to look for the event fields it reads. */
  range?: [number, number];
  /** Name of the event type (`SQSEvent`) or handler type (`SQSHandler`) it is declared with. */
  eventType?: string;
}

export interface ModuleExports {
  format: 'esm' | 'cjs';
  exports: Map<string, ExportInfo>;
}

export function scriptKindOf(file: string): ts.ScriptKind {
  return /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
}

/** Parses `text` as the file `file`; throws with the first syntax error's line. */
export function parseModule(file: string, text: string): ts.SourceFile {
  const output = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { allowJs: true, noEmit: true },
  });
  const error = output.diagnostics?.find(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (error) {
    const message = ts.flattenDiagnosticMessageText(error.messageText, ' ');
    const line =
      error.file && error.start !== undefined
        ? error.file.getLineAndCharacterOfPosition(error.start).line + 1
        : 1;
    throw new Error(
      `${file}:${line} does not parse (${message}); fix the syntax and retry`,
    );
  }
  return ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    scriptKindOf(file),
  );
}

export function discoverExports(file: string, text: string): ModuleExports {
  const source = parseModule(file, text);
  const found = new Map<string, ExportInfo>();
  let esm = false;
  const add = (name: string, expression: ts.Node, declared?: ts.Node) => {
    found.set(name, { name, ...describe(source, expression, declared) });
  };
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) {
      // `export =` is TypeScript's spelling of `module.exports =`.
      esm ||= !statement.isExportEquals;
      add('default', statement.expression);
    } else if (ts.isExportDeclaration(statement)) {
      esm = true;
      if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          const local = statement.moduleSpecifier
            ? undefined
            : (element.propertyName ?? element.name);
          found.set(element.name.text, {
            name: element.name.text,
            ...(local && ts.isIdentifier(local)
              ? describe(source, local)
              : { kind: 'unknown' as const }),
          });
        }
      }
    } else if (hasExportModifier(statement)) {
      esm = true;
      const isDefault = modifiersOf(statement).includes(
        ts.SyntaxKind.DefaultKeyword,
      );
      if (
        ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement)
      ) {
        add(
          isDefault ? 'default' : (statement.name?.text ?? 'default'),
          statement,
        );
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.initializer) {
            add(declaration.name.text, declaration.initializer, declaration);
          }
        }
      }
    } else if (ts.isExpressionStatement(statement)) {
      collectCommonJs(statement.expression, add, found);
    }
  }
  return { format: esm ? 'esm' : 'cjs', exports: found };
}

function describe(
  source: ts.SourceFile,
  expression: ts.Node,
  declared?: ts.Node,
): Omit<ExportInfo, 'name'> {
  const classified = classifyExpression(source, expression);
  if (classified.kind !== 'function' || !classified.node)
    return { kind: classified.kind };
  return describeFunction(classified.node, declared ?? classified.declaration);
}

function modifiersOf(statement: ts.Statement): ts.SyntaxKind[] {
  if (!ts.canHaveModifiers(statement)) return [];
  return (ts.getModifiers(statement) ?? []).map((modifier) => modifier.kind);
}

function hasExportModifier(statement: ts.Statement): boolean {
  return modifiersOf(statement).includes(ts.SyntaxKind.ExportKeyword);
}

/** `exports.x = …`, `module.exports.x = …`, `module.exports = { x, y: … }`, `module.exports = fn`. */
function collectCommonJs(
  expression: ts.Expression,
  add: (name: string, expression: ts.Node, declared?: ts.Node) => void,
  found: Map<string, ExportInfo>,
): void {
  if (!ts.isBinaryExpression(expression)) return;
  if (expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = expression.left;
  const value = expression.right;
  if (isModuleExports(target)) {
    found.clear();
    const unwrapped = unwrap(value);
    if (ts.isObjectLiteralExpression(unwrapped)) {
      for (const property of unwrapped.properties) {
        const name = property.name && propertyName(property.name);
        if (name === undefined) continue;
        if (ts.isShorthandPropertyAssignment(property))
          add(name, property.name);
        else if (ts.isPropertyAssignment(property))
          add(name, property.initializer);
        else if (ts.isMethodDeclaration(property)) add(name, property);
      }
    } else {
      add('default', value);
    }
    return;
  }
  if (
    ts.isPropertyAccessExpression(target) ||
    ts.isElementAccessExpression(target)
  ) {
    const owner = target.expression;
    const isExportsObject =
      (ts.isIdentifier(owner) && owner.text === 'exports') ||
      isModuleExports(owner);
    const name = ts.isPropertyAccessExpression(target)
      ? target.name.text
      : ts.isStringLiteralLike(target.argumentExpression)
        ? target.argumentExpression.text
        : undefined;
    if (isExportsObject && name !== undefined) {
      // `exports.x = exports.y = fn` chains: every name in the chain is the same function.
      let right: ts.Expression = value;
      while (
        ts.isBinaryExpression(right) &&
        right.operatorToken.kind === ts.SyntaxKind.EqualsToken
      ) {
        collectCommonJs(right, add, found);
        right = right.right;
      }
      add(name, right);
    }
  }
}

function isModuleExports(node: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'module' &&
    node.name.text === 'exports'
  );
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (
    ts.isIdentifier(name) ||
    ts.isStringLiteral(name) ||
    ts.isNumericLiteral(name)
  ) {
    return name.text;
  }
  return undefined;
}
