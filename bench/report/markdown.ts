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
import { markdownTable } from './table.js';
import type { TargetCheck } from './targets.js';

/** The README's benchmark section: figures, targets and the machine they were measured on. */
export function toMarkdown(
  results: BenchResults,
  checks: readonly TargetCheck[],
): string {
  const { machine } = results;
  return [
    `Measured ${results.date.slice(0, 10)} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ` +
      `Node ${machine.node}${machine.functionsNode === machine.node ? '' : ` (functions on Node ${machine.functionsNode})`} (${machine.os}); load average ${results.load.start.toFixed(1)} at start, ` +
      `${results.load.end.toFixed(1)} at end; commit ${results.commit}${results.quick ? '; QUICK RUN, figures are not meaningful' : ''}.`,
    '',
    'Medians of repeated runs. After each figure: its ratio to the plain handler, then to the seed approach, of the same trigger. ' +
      'Cold start is wall-clock time from spawning a fresh process to its first result; warm costs are CPU time of the process ' +
      '(user + system, all threads) per record, since on a shared machine wall time mostly measures waiting for a core.',
    '',
    markdownTable(FUNCTION_HEADERS, functionRows(results), FUNCTION_NUMERIC),
    '',
    'Cold start, inside the process:',
    '',
    markdownTable(COLD_HEADERS, coldStartRows(results), [2, 3, 4, 5, 6]),
    '',
    'Targets of the runtime kit:',
    '',
    markdownTable(TARGET_HEADERS, targetRows(checks), [4]),
    '',
    ...generatorLines(results).map((line) => `- ${line}`),
    ...results.missing.map((m) => `- not measured: ${m.id}: ${m.reason}`),
    '',
  ].join('\n');
}
