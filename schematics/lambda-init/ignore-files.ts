/**
 * Appends the entries a file lacks (`.gitignore`, `.prettierignore`), one per line, keeping the
 * rest as it is. An entry counts as present with or without a leading or trailing slash.
 */
export function appendMissingLines(
  source: string,
  entries: readonly string[],
): string {
  const bare = (line: string) => line.trim().replace(/^\/|\/$/g, '');
  const present = new Set(source.split(/\r?\n/).map(bare));
  const missing = entries.filter((entry) => !present.has(bare(entry)));
  if (missing.length === 0) return source;
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const separator = source === '' || source.endsWith('\n') ? '' : eol;
  return `${source}${separator}${missing.join(eol)}${eol}`;
}
