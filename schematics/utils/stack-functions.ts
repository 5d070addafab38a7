import { SchematicsException } from '@angular-devkit/schematics';
import ts from 'typescript';
import { addNamedImport } from './named-import.js';
import { STACK_FILE } from './project-paths.js';
import {
  afterTrailingComments,
  indentOf,
  lineBreakOf,
} from './text-position.js';

export interface StackFunction {
  /** `PaymentEvents`: the construct class is `PaymentEventsFunction`, its id `'PaymentEvents'`. */
  className: string;
  /** Module specifier of the construct, relative to the stack file. */
  importPath: string;
}

/**
 * Adds a function construct to the service's stack: its import, and `new XFunction(this, 'X');` in
 * the stack's constructor, after the last function already there (else at the end). The stack may
 * have been edited by hand: positions come from the syntax tree, only the two new lines are
 * spliced in, and nothing is added twice.
 */
export function addFunctionToStack(
  source: string,
  fn: StackFunction,
  fileName = STACK_FILE,
): string {
  const construct = `${fn.className}Function`;
  const file = parse(source);
  const stack = findStackClass(file, fileName);
  const body = findConstructorBody(stack, fileName);

  let edited = source;
  if (!instantiates(body, construct)) {
    // A derived class's constructor calls super(), so there is always a statement to follow.
    const anchor =
      body.statements.filter(isFunctionInstance).at(-1) ??
      body.statements[body.statements.length - 1];
    const eol = lineBreakOf(source);
    const line = `new ${construct}(this, '${fn.className}');`;
    const at = afterTrailingComments(source, anchor.getEnd());
    const indent = indentOf(source, anchor.getStart(file));
    edited = `${source.slice(0, at)}${eol}${indent}${line}${source.slice(at)}`;
  }
  return addNamedImport(edited, construct, fn.importPath);
}

function parse(source: string): ts.SourceFile {
  return ts.createSourceFile(
    'stack.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
}

/** The first class that extends `Stack` (or `cdk.Stack`, or any `…Stack` base). */
function findStackClass(
  file: ts.SourceFile,
  fileName: string,
): ts.ClassDeclaration {
  const stack = file.statements
    .filter(ts.isClassDeclaration)
    .find((declaration) =>
      declaration.heritageClauses?.some(
        (clause) =>
          clause.token === ts.SyntaxKind.ExtendsKeyword &&
          clause.types.some((type) =>
            /(^|\.)\w*Stack$/.test(type.expression.getText(file)),
          ),
      ),
    );
  if (stack === undefined) {
    throw new SchematicsException(
      `${fileName} declares no class that extends Stack; add one, or add the construct to your stack by hand.`,
    );
  }
  return stack;
}

function findConstructorBody(
  stack: ts.ClassDeclaration,
  fileName: string,
): ts.Block {
  const constructor = stack.members.find(ts.isConstructorDeclaration);
  if (
    constructor?.body === undefined ||
    constructor.body.statements.length === 0
  ) {
    throw new SchematicsException(
      `${stack.name?.text ?? 'the stack'} in ${fileName} has no constructor; add one that calls super(scope, id, props).`,
    );
  }
  return constructor.body;
}

/** Whether `construct` is instantiated anywhere in the constructor, however the user wrote it. */
function instantiates(body: ts.Block, construct: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === construct
    )
      found = true;
    else if (!found) ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** `new SomethingFunction(this, …);` as a statement of its own. */
function isFunctionInstance(statement: ts.Statement): boolean {
  if (!ts.isExpressionStatement(statement)) return false;
  const expression = statement.expression;
  return (
    ts.isNewExpression(expression) &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text.endsWith('Function') &&
    expression.arguments?.[0]?.kind === ts.SyntaxKind.ThisKeyword
  );
}
