import type { FunctionFigures } from './figures.js';
import { ratio, reference } from './ratios.js';

export interface TargetCheck {
  readonly target: string;
  readonly functionId: string;
  /** e.g. `3.2 µs per record (batch 100)`. */
  readonly figure: string;
  readonly limit: string;
  /** figure / limit: at most 1 when met (below 1 for the heap's strict limit). */
  readonly ratio: number | undefined;
  readonly met: boolean | undefined;
}

const MB = 2 ** 20;

/** The targets for the runtime kit, each against its reference from the same run. */
export function checkTargets(
  functions: readonly FunctionFigures[],
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (
    target: string,
    fn: FunctionFigures,
    figure: string,
    limit: string,
    value: number | undefined,
    bound: number | undefined,
    strict = false,
  ) => {
    const r = fn.wrong ? undefined : ratio(value, bound);
    checks.push({
      target,
      functionId: fn.id,
      figure,
      limit,
      ratio: r,
      met: r === undefined ? undefined : strict ? r < 1 : r <= 1,
    });
  };
  const us = (value: number | undefined) =>
    value === undefined ? 'n/a' : `${value.toFixed(2)} µs`;
  const ms = (value: number | undefined) =>
    value === undefined ? 'n/a' : `${value.toFixed(0)} ms`;
  const kb = (value: number | undefined) =>
    value === undefined ? 'n/a' : `${(value / 1024).toFixed(0)} KB`;

  for (const fn of functions.filter((f) => f.family === 'kit')) {
    const seed = reference(functions, 'seed', fn.trigger);
    const express = reference(functions, 'express', 'http');
    const perInvocation = fn.warmUs['1']?.median;
    const singleton = fn.id.endsWith('-singleton');

    if (singleton) {
      for (const size of ['100', '10000']) {
        const perRecord = fn.warmUs[size]?.median;
        if (fn.trigger === 'sqs') {
          add(
            'singleton + pipeline: ≤ 5 µs per record in a batch',
            fn,
            `${us(perRecord)} per record (batch ${Number(size).toLocaleString('en-US')})`,
            '5 µs',
            perRecord,
            5,
          );
        }
      }
      add(
        'singleton + pipeline: ≤ 10 µs per invocation',
        fn,
        us(perInvocation),
        '10 µs',
        perInvocation,
        10,
      );
    } else {
      const seedUs = seed?.warmUs['1']?.median;
      add(
        'request-scoped + pipeline: per invocation ≤ seed',
        fn,
        us(perInvocation),
        `seed ${us(seedUs)}`,
        perInvocation,
        seedUs,
      );
    }

    const cold = fn.coldStart?.totalMs.median;
    const seedCold = seed?.coldStart?.totalMs.median;
    add(
      'cold start ≤ 1.15 × seed',
      fn,
      ms(cold),
      `1.15 × ${ms(seedCold)}`,
      cold,
      seedCold === undefined ? undefined : 1.15 * seedCold,
    );
    if (fn.trigger === 'http') {
      const expressCold = express?.coldStart?.totalMs.median;
      add(
        'cold start ≤ 1/3 × express',
        fn,
        ms(cold),
        `${ms(expressCold)} / 3`,
        cold,
        expressCold === undefined ? undefined : expressCold / 3,
      );
    }

    const seedBytes = seed?.bundleBytes;
    add(
      'bundle ≤ seed + 10%',
      fn,
      kb(fn.bundleBytes),
      `1.1 × ${kb(seedBytes)}`,
      fn.bundleBytes,
      seedBytes === undefined ? undefined : 1.1 * seedBytes,
    );

    const growth = fn.heap?.growthBytes;
    add(
      `heap growth < 5 MB over ${fn.heap?.invocations.toLocaleString('en-US') ?? 'n/a'} invocations`,
      fn,
      growth === undefined ? 'n/a' : `${(growth / MB).toFixed(2)} MB`,
      '5 MB',
      growth === undefined ? undefined : Math.max(growth, 0),
      5 * MB,
      true,
    );
  }
  return checks;
}
