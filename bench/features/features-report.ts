import { formatMicros, formatNumber } from '../report/ratios.js';
import { markdownTable, type Row, textTable } from '../report/table.js';
import type { FeaturesOutcome } from './measure-features.js';

const HEADERS: Row = [
  'variant',
  'bundle KB',
  'cold start ms',
  'Δ off',
  'cold CPU ms',
  'µs/rec, 1, first',
  'Δ off',
  '1, again',
  '10, first',
  'Δ off',
  '10, again',
];
const NUMERIC = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const signed = (value: number | undefined, format: (v: number) => string) =>
  value === undefined || !Number.isFinite(value)
    ? 'n/a'
    : `${value >= 0 ? '+' : '−'}${format(Math.abs(value))}`;

/** One row per variant; Δ is the difference of medians with the first variant (all off). */
function rows(outcome: FeaturesOutcome): Row[] {
  const [off] = outcome.variants;
  return outcome.variants.map((v) => {
    const warm = (size: string, key: 'firstUs' | 'againUs') =>
      v.warm[size]?.[key].median;
    const offWarm = (size: string) => off?.warm[size]?.firstUs.median;
    return [
      v.wrong ? `${v.label} (WRONG: ${v.wrong.slice(0, 80)})` : v.label,
      formatNumber(v.bundleBytes / 1024, 0),
      formatNumber(v.coldStartMs.median, 0),
      signed(v.coldStartMs.median - (off?.coldStartMs.median ?? NaN), (x) =>
        formatNumber(x, 0),
      ),
      formatNumber(v.coldStartCpuMs.median, 0),
      formatMicros(warm('1', 'firstUs')),
      signed(
        (warm('1', 'firstUs') ?? NaN) - (offWarm('1') ?? NaN),
        formatMicros,
      ),
      formatMicros(warm('1', 'againUs')),
      formatMicros(warm('10', 'firstUs')),
      signed(
        (warm('10', 'firstUs') ?? NaN) - (offWarm('10') ?? NaN),
        formatMicros,
      ),
      formatMicros(warm('10', 'againUs')),
    ];
  });
}

const NOTE =
  'Cost of the runtime features, on and off, on one SQS function (the same handler; idempotency adds @Idempotent({ key: "orderId" })). ' +
  'Warm figures are CPU µs of the function process per record, for batches of 1 and 10 records: "first" for order ids never seen, "again" for the same events sent again. ' +
  'Metrics and tracing add nothing of their own to the handler: the figures are what the runtime does (the flush and cold-start metric, a subsegment per record sent over UDP).';

export function featuresMarkdown(outcome: FeaturesOutcome): string {
  return [
    '### Idempotency, metrics and tracing',
    '',
    NOTE,
    `Idempotency store: ${outcome.store}`,
    '',
    markdownTable(HEADERS, rows(outcome), NUMERIC),
    '',
  ].join('\n');
}

export function featuresText(outcome: FeaturesOutcome): string {
  return [
    'Idempotency, metrics and tracing (Δ: against all off; µs are CPU per record)',
    textTable(HEADERS, rows(outcome), NUMERIC),
    `store: ${outcome.store}`,
  ].join('\n');
}
