export type Row = readonly string[];

export function markdownTable(
  headers: Row,
  rows: readonly Row[],
  rightAligned: readonly number[] = [],
): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const rule = headers.map((_, index) =>
    rightAligned.includes(index) ? '---:' : '---',
  );
  return [headers, rule, ...rows]
    .map((row) => `| ${row.map(escape).join(' | ')} |`)
    .join('\n');
}

export function textTable(
  headers: Row,
  rows: readonly Row[],
  rightAligned: readonly number[] = [],
): string {
  const widths = headers.map((header, index) =>
    Math.max(header.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (row: Row) =>
    row
      .map((cell, index) =>
        rightAligned.includes(index)
          ? cell.padStart(widths[index]!)
          : cell.padEnd(widths[index]!),
      )
      .join('  ')
      .trimEnd();
  return [
    line(headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
