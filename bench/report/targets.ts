import type { FunctionFigures } from './figures.js';
import { ratio, reference } from './ratios.js';

export interface TargetCheck {
  readonly target: string;
  readonly functionId: string;
  /** e.g. `3.2 µs per record (batch 100)`. */
  readonly figure: string;
  /** What the figure is compared with, e.g. `seed 110 ms`, or a fixed limit such as `10 µs`. */
  readonly reference: string;
  /** figure / reference (reference / figure for an "at least" target such as express's). */
  readonly ratio: number | undefined;
  /** The bound on `ratio`, e.g. `≤ 1.00` or `≥ 2.50`. */
  readonly limit: string;
  readonly met: boolean | undefined;
}

const MB = 2 ** 20;

type Bound =
  | { readonly atMost: number; readonly strict?: boolean }
  | { readonly atLeast: number };

const us = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${value.toFixed(2)} µs`;
const ms = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${value.toFixed(0)} ms`;
const kb = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${(value / 1024).toFixed(0)} KB`;

/**
 * The targets for the runtime kit (issue 11 for cold start, bundle, warm cost and express; the
 * earlier absolute ones for batches and the heap), each against its reference from the same run.
 */
export function checkTargets(
  functions: readonly FunctionFigures[],
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (
    target: string,
    fn: FunctionFigures,
    figure: string,
    referenceText: string,
    r: number | undefined,
    bound: Bound,
  ) => {
    const value = fn.wrong ? undefined : r;
    let met: boolean | undefined;
    if (value !== undefined) {
      if ('atLeast' in bound) met = value >= bound.atLeast;
      else met = bound.strict ? value < bound.atMost : value <= bound.atMost;
    }
    checks.push({
      target,
      functionId: fn.id,
      figure,
      reference: referenceText,
      ratio: value,
      limit:
        'atLeast' in bound
          ? `≥ ${bound.atLeast.toFixed(2)}`
          : `${bound.strict ? '<' : '≤'} ${bound.atMost.toFixed(2)}`,
      met,
    });
  };

  for (const fn of functions.filter((f) => f.family === 'kit')) {
    const seed = reference(functions, 'seed', fn.trigger);
    const express = reference(functions, 'express', 'http');
    const perInvocation = fn.warmUs['1']?.median;
    const seedUs = seed?.warmUs['1']?.median;
    const cold = fn.coldStart?.totalMs.median;
    const seedCold = seed?.coldStart?.totalMs.median;

    add(
      'cold start ≤ 1.0 × seed (then toward 0.8 ×)',
      fn,
      ms(cold),
      `seed ${ms(seedCold)}`,
      ratio(cold, seedCold),
      { atMost: 1 },
    );
    add(
      'bundle ≤ 0.5 × seed',
      fn,
      kb(fn.bundleBytes),
      `seed ${kb(seed?.bundleBytes)}`,
      ratio(fn.bundleBytes, seed?.bundleBytes),
      { atMost: 0.5 },
    );
    add(
      'warm per invocation ≤ 1.0 × seed',
      fn,
      us(perInvocation),
      `seed ${us(seedUs)}`,
      ratio(perInvocation, seedUs),
      { atMost: 1 },
    );
    if (fn.trigger === 'http') {
      const expressCold = express?.coldStart?.totalMs.median;
      add(
        'express cold start ≥ 2.5 × ours',
        fn,
        ms(cold),
        `express ${ms(expressCold)}`,
        ratio(expressCold, cold),
        { atLeast: 2.5 },
      );
    }

    if (fn.id.endsWith('-singleton')) {
      if (fn.trigger === 'sqs') {
        for (const size of ['100', '10000']) {
          const perRecord = fn.warmUs[size]?.median;
          add(
            'singleton + pipeline: ≤ 5 µs per record in a batch',
            fn,
            `${us(perRecord)} per record (batch ${Number(size).toLocaleString('en-US')})`,
            '5 µs',
            ratio(perRecord, 5),
            { atMost: 1 },
          );
        }
      }
      add(
        'singleton + pipeline: ≤ 10 µs per invocation',
        fn,
        us(perInvocation),
        '10 µs',
        ratio(perInvocation, 10),
        { atMost: 1 },
      );
    }

    const growth = fn.heap?.growthBytes;
    add(
      `heap growth < 5 MB over ${fn.heap?.invocations.toLocaleString('en-US') ?? 'n/a'} invocations`,
      fn,
      growth === undefined ? 'n/a' : `${(growth / MB).toFixed(2)} MB`,
      '5 MB',
      ratio(growth === undefined ? undefined : Math.max(growth, 0), 5 * MB),
      { atMost: 1, strict: true },
    );
  }
  return checks;
}
