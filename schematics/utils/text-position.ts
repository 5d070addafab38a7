import ts from 'typescript';

/**
 * Where text that should follow the code ending at `end` on a line of its own is inserted: after
 * the comments that trail that code on its line (`foo(); // why`), so a comment stays with its code.
 */
export function afterTrailingComments(source: string, end: number): number {
  const comments = ts.getTrailingCommentRanges(source, end) ?? [];
  return comments.at(-1)?.end ?? end;
}

/** The whitespace that starts the line `position` is on. */
export function indentOf(source: string, position: number): string {
  const lineStart = source.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? '';
}

/** The file's line break, kept for inserted lines. */
export function lineBreakOf(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}
