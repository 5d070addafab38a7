import ts from 'typescript';
import {
  afterTrailingComments,
  indentOf,
  lineBreakOf,
} from './text-position.js';

export interface VitestTestOption {
  key: string;
  /** Source text of the value, e.g. `30_000`. */
  value: string;
  /** Why, as a line comment above the option. */
  comment: string;
}

/**
 * Adds an option to the `test: { ... }` object of a vitest config, after its last option, unless
 * the config sets it already. Returns `undefined` when the file has no `test` object literal (a
 * config built some other way), so the caller can say what to add by hand.
 */
export function addVitestTestOption(
  source: string,
  option: VitestTestOption,
): string | undefined {
  const file = ts.createSourceFile(
    'vitest.config.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  const test = findTestObject(file);
  if (test === undefined) return undefined;
  const has = test.properties.some(
    (property) => property.name?.getText(file) === option.key,
  );
  const last = test.properties.at(-1);
  if (has) return source;
  if (last === undefined) return undefined;

  const eol = lineBreakOf(source);
  const indent = indentOf(source, last.getStart(file));
  const lines = `${indent}// ${option.comment}${eol}${indent}${option.key}: ${option.value},`;
  if (test.properties.hasTrailingComma) {
    const comma = source.indexOf(',', last.getEnd());
    const at = afterTrailingComments(source, comma + 1);
    return `${source.slice(0, at)}${eol}${lines}${source.slice(at)}`;
  }
  const at = last.getEnd();
  return `${source.slice(0, at)},${eol}${lines.replace(/,$/, '')}${source.slice(at)}`;
}

function findTestObject(
  file: ts.SourceFile,
): ts.ObjectLiteralExpression | undefined {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (
      ts.isPropertyAssignment(node) &&
      node.name.getText(file) === 'test' &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      found = node.initializer;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
