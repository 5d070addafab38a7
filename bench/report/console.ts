import type { BenchResults } from './figures.js';
import {
  COLD_HEADERS,
  FUNCTION_HEADERS,
  FUNCTION_NUMERIC,
  TARGET_HEADERS,
  coldStartRows,
  functionRows,
  generatorLines,
  targetRows,
} from './rows.js';
import { textTable } from './table.js';
import type { TargetCheck } from './targets.js';

export function toText(
  results: BenchResults,
  checks: readonly TargetCheck[],
): string {
  const { machine } = results;
  return [
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${machine.functionsNode === machine.node ? '' : ` (functions on ${machine.functionsNode})`}; load ${results.load.start.toFixed(1)} → ${results.load.end.toFixed(1)}`,
    '(× plain ×seed: ratios to the plain handler and the seed approach of the same trigger)',
    '',
    textTable(FUNCTION_HEADERS, functionRows(results), FUNCTION_NUMERIC),
    '',
    textTable(COLD_HEADERS, coldStartRows(results), [2, 3, 4, 5, 6]),
    '',
    textTable(TARGET_HEADERS, targetRows(checks), [4]),
    '',
    ...generatorLines(results),
    ...results.missing.map((m) => `not measured: ${m.id}: ${m.reason}`),
    ...results.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}
