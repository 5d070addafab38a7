import type { BenchResults, FunctionFigures } from './figures.js';
import {
  formatMicros,
  formatNumber,
  formatRatio,
  ratio,
  reference,
} from './ratios.js';
import type { Row } from './table.js';
import type { TargetCheck } from './targets.js';

export const FUNCTION_HEADERS: Row = [
  'function',
  'trigger',
  'cold start',
  'per invocation (CPU)',
  'per record, batch 100 (CPU)',
  'per record, batch 10,000 (CPU)',
  'bundle (gzip)',
  'heap growth',
];
export const FUNCTION_NUMERIC = [2, 3, 4, 5, 6, 7];

/** Each figure, then its ratio to the plain handler and to the seed approach of its trigger. */
export function functionRows(results: BenchResults): Row[] {
  const { functions } = results;
  return functions.map((fn) => {
    const plain = reference(functions, 'plain', fn.trigger);
    const seed = reference(functions, 'seed', fn.trigger);
    const withRatios = (
      text: string,
      value: number | undefined,
      pick: (f: FunctionFigures) => number | undefined,
    ) =>
      value === undefined
        ? '-'
        : `${text} ${formatRatio(ratio(value, plain && pick(plain)))} ${formatRatio(ratio(value, seed && pick(seed)))}`;
    const warm = (size: string) => {
      const value = fn.warmUs[size]?.median;
      return withRatios(
        `${formatMicros(value)} µs`,
        value,
        (f) => f.warmUs[size]?.median,
      );
    };
    const cold = fn.coldStart?.totalMs.median;
    const growth = fn.heap?.growthBytes;
    return [
      `${fn.label}${fn.wrong ? ' (WRONG RESULT)' : ''}`,
      fn.trigger === 'sqs' ? 'SQS' : 'HTTP API',
      withRatios(
        `${formatNumber(cold, 0)} ms`,
        cold,
        (f) => f.coldStart?.totalMs.median,
      ),
      warm('1'),
      warm('100'),
      warm('10000'),
      withRatios(
        `${formatNumber(fn.bundleBytes / 1024, 0)} KB (${formatNumber(fn.bundleGzipBytes / 1024, 0)})`,
        fn.bundleBytes,
        (f) => f.bundleBytes,
      ),
      growth === undefined ? '-' : `${formatNumber(growth / 2 ** 20, 2)} MB`,
    ];
  });
}

export const COLD_HEADERS: Row = [
  'function',
  'trigger',
  'whole process',
  'its CPU time',
  'node boot',
  'import (init)',
  'first invocation',
];

/** Where a cold start goes, from inside the process (medians; they need not add up). */
export function coldStartRows(results: BenchResults): Row[] {
  return results.functions
    .filter((fn) => fn.coldStart)
    .map((fn) => {
      const c = fn.coldStart!;
      return [
        fn.label,
        fn.trigger === 'sqs' ? 'SQS' : 'HTTP API',
        `${formatNumber(c.totalMs.median, 0)} ms`,
        `${formatNumber(c.cpuMs.median, 0)} ms`,
        `${formatNumber(c.bootMs.median, 0)} ms`,
        `${formatNumber(c.importMs.median, 0)} ms`,
        `${formatNumber(c.firstInvokeMs.median, 1)} ms`,
      ];
    });
}

export const TARGET_HEADERS: Row = [
  'target',
  'function',
  'measured',
  'against',
  'ratio',
  'limit',
  'met',
];

export function targetRows(checks: readonly TargetCheck[]): Row[] {
  return checks.map((check) => [
    check.target,
    check.functionId,
    check.figure,
    check.reference,
    check.ratio === undefined ? 'n/a' : formatNumber(check.ratio, 2),
    check.limit,
    check.met === undefined ? 'n/a' : check.met ? 'met' : 'not met',
  ]);
}

export function generatorLines(results: BenchResults): string[] {
  const { scaffoldMs, lambdaHandlerMs, notes } = results.generator;
  return [
    `scaffold (--skip-install): ${scaffoldMs ? `${formatNumber(scaffoldMs.median / 1000, 2)} s (median of ${scaffoldMs.runs.length})` : 'n/a'}`,
    `nest g lambda-handler x --type sqs: ${lambdaHandlerMs ? `${formatNumber(lambdaHandlerMs.median / 1000, 2)} s` : 'n/a'}`,
    ...notes,
  ];
}
