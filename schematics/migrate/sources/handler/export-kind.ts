// Tells what an exported expression is, as far as the parser can see: a function (and then how it
// answers and which event type it declares), a value that cannot be a handler, or something only
// the running module knows (a call such as `middy(fn)`, a `require`, a re-export).
import ts from 'typescript';

export type ExportKind = 'function' | 'value' | 'unknown';

type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration;

export interface Classified {
  kind: ExportKind;
  node?: FunctionNode;
  /** The variable declaration that holds the function, whose type annotation may name the event. */
  declaration?: ts.VariableDeclaration;
}

/** Strips parentheses, `as`, `satisfies`, `<T>x` and `x!`, which change types, not values. */
export function unwrap(node: ts.Node): ts.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isNonNullExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

export function classifyExpression(
  source: ts.SourceFile,
  start: ts.Node,
  depth = 0,
): Classified {
  const node = unwrap(start);
  if (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node)
  ) {
    return { kind: 'function', node };
  }
  if (ts.isIdentifier(node) && depth < 8) {
    const declaration = findTopLevel(source, node.text);
    if (declaration === undefined) return { kind: 'unknown' };
    if (ts.isVariableDeclaration(declaration)) {
      if (!declaration.initializer) return { kind: 'unknown' };
      const inner = classifyExpression(
        source,
        declaration.initializer,
        depth + 1,
      );
      return { ...inner, declaration: inner.declaration ?? declaration };
    }
    return classifyExpression(source, declaration, depth + 1);
  }
  if (
    ts.isClassDeclaration(node) ||
    ts.isClassExpression(node) ||
    ts.isObjectLiteralExpression(node) ||
    ts.isArrayLiteralExpression(node) ||
    ts.isStringLiteralLike(node) ||
    ts.isTemplateExpression(node) ||
    ts.isNumericLiteral(node) ||
    ts.isBigIntLiteral(node) ||
    ts.isRegularExpressionLiteral(node) ||
    ts.isNewExpression(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword
  ) {
    return { kind: 'value' };
  }
  return { kind: 'unknown' };
}

function findTopLevel(
  source: ts.SourceFile,
  name: string,
): ts.Node | undefined {
  for (const statement of source.statements) {
    if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement)) &&
      statement.name?.text === name
    ) {
      return statement;
    }
    if (ts.isVariableStatement(statement)) {
      const found = statement.declarationList.declarations.find(
        (d) => ts.isIdentifier(d.name) && d.name.text === name,
      );
      if (found) return found;
    }
  }
  return undefined;
}

export function describeFunction(
  fn: FunctionNode,
  declared: ts.Node | undefined,
): {
  kind: 'function';
  style: 'async' | 'callback' | 'context' | 'returns';
  range: [number, number];
  eventType?: string;
} {
  const isAsync = ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async;
  const contextName =
    fn.parameters[1] && ts.isIdentifier(fn.parameters[1].name)
      ? fn.parameters[1].name.text
      : undefined;
  const style = isAsync
    ? 'async'
    : fn.parameters.length >= 3
      ? 'callback'
      : contextName !== undefined && callsContextMethod(fn, contextName)
        ? 'context'
        : 'returns';
  const eventType = eventTypeOf(fn, declared);
  const range: [number, number] = [fn.getStart(), fn.end];
  return eventType === undefined
    ? { kind: 'function', style, range }
    : { kind: 'function', style, range, eventType };
}

function callsContextMethod(fn: FunctionNode, contextName: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === contextName &&
      ['succeed', 'fail', 'done'].includes(node.name.text)
    ) {
      found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/** The event type from `(event: SQSEvent)`, `const h: SQSHandler = …`, or JSDoc `@param`/`@type`. */
function eventTypeOf(
  fn: FunctionNode,
  declared: ts.Node | undefined,
): string | undefined {
  const first = fn.parameters[0];
  const fromParameter = first && (first.type ?? ts.getJSDocType(first));
  if (fromParameter) return typeName(fromParameter);
  if (declared && ts.isVariableDeclaration(declared)) {
    const annotation = declared.type ?? ts.getJSDocType(declared);
    if (annotation) return typeName(annotation);
  }
  return undefined;
}

function typeName(node: ts.TypeNode): string | undefined {
  if (ts.isTypeReferenceNode(node)) {
    const name = ts.isIdentifier(node.typeName)
      ? node.typeName.text
      : node.typeName.right.text;
    const [firstArgument] = node.typeArguments ?? [];
    // `Handler<SQSEvent, void>` says more than `Handler`.
    if (name === 'Handler' && firstArgument)
      return typeName(firstArgument) ?? name;
    return name;
  }
  if (ts.isImportTypeNode(node) && node.qualifier) {
    const name = ts.isIdentifier(node.qualifier)
      ? node.qualifier.text
      : node.qualifier.right.text;
    const [firstArgument] = node.typeArguments ?? [];
    if (name === 'Handler' && firstArgument)
      return typeName(firstArgument) ?? name;
    return name;
  }
  if (ts.isParenthesizedTypeNode(node)) return typeName(node.type);
  return undefined;
}
