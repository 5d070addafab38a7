import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../bench/bench.config.js';
import { httpEvent, sqsEvent, wrongResult } from '../../bench/events/events.js';
import type { FunctionFigures, Sample } from '../../bench/report/figures.js';
import { checkTargets } from '../../bench/report/targets.js';
import { median, relativeSpread } from '../../bench/support/stats.js';

const REPO = join(import.meta.dirname, '..', '..');
const FIXTURES = join(
  REPO,
  'packages',
  'runtime',
  'test',
  'fixtures',
  'events',
);

describe('readConfig', () => {
  it('takes --quick, --profile, --node and BENCH_QUICK=1', () => {
    expect(readConfig([], {})).toMatchObject({
      quick: false,
      profile: false,
      coldStartRuns: 15,
    });
    expect(readConfig([], { BENCH_QUICK: '1' })).toMatchObject({
      quick: true,
      coldStartRuns: 2,
    });
    expect(
      readConfig(['--profile', '--node', '/opt/node22'], {}),
    ).toMatchObject({
      profile: true,
      node: '/opt/node22',
    });
  });

  it('refuses anything else', () => {
    expect(() => readConfig(['--fast'], {})).toThrow('unknown option --fast');
    expect(() => readConfig(['--node'], {})).toThrow('unknown option --node');
  });
});

describe('stats', () => {
  it('takes the median of odd and even series without sorting them in place', () => {
    const runs = [5, 1, 3];
    expect(median(runs)).toBe(3);
    expect(runs).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('gives the median absolute deviation relative to the median', () => {
    expect(relativeSpread([10, 10, 12, 8, 10])).toBe(0);
    expect(relativeSpread([8, 10, 12])).toBeCloseTo(0.2);
  });
});

describe('events', () => {
  it('clones the real SQS fixture, with a distinct order line per record', () => {
    const event = sqsEvent(FIXTURES, 3, 2);
    expect(event.Records.map((r) => r.messageId)).toEqual([
      'msg-3-0',
      'msg-3-1',
    ]);
    expect(JSON.parse(event.Records[1]!.body)).toEqual({
      orderId: 'ord-3-1',
      sku: 'SKU-1',
      quantity: 2,
      unitPrice: 12.5,
    });
    expect(event.Records[0]!.eventSource).toBe('aws:sqs');
  });

  it('accepts only the result every function must give', () => {
    const sqs = sqsEvent(FIXTURES, 0, 1);
    expect(wrongResult('sqs', sqs, { batchItemFailures: [] })).toBeUndefined();
    expect(
      wrongResult('sqs', sqs, {
        batchItemFailures: [{ itemIdentifier: 'msg-0-0' }],
      }),
    ).toMatch(/expected \{ batchItemFailures: \[\] \}/);
    const http = httpEvent(FIXTURES, 0);
    const body = JSON.stringify({
      orderId: 'ord-0-0',
      sku: 'SKU-0',
      net: 12.5,
      tax: 2.5,
      total: 15,
    });
    expect(
      wrongResult('http', http, { statusCode: 200, body }),
    ).toBeUndefined();
    expect(wrongResult('http', http, { statusCode: 201, body })).toMatch(
      /expected 200/,
    );
    expect(wrongResult('http', http, { statusCode: 200, body: '{}' })).toMatch(
      /expected 200/,
    );
  });
});

const sample = (median: number): Sample => ({
  median,
  spread: 0,
  runs: [median],
});

function figures(
  id: string,
  family: FunctionFigures['family'],
  trigger: FunctionFigures['trigger'],
  values: {
    cold: number;
    warm: Record<string, number>;
    bytes: number;
    growth: number;
  },
): FunctionFigures {
  return {
    id,
    label: id,
    family,
    trigger,
    bundleBytes: values.bytes,
    bundleGzipBytes: values.bytes / 4,
    bundleByPackage: [],
    coldStart: {
      totalMs: sample(values.cold),
      cpuMs: sample(values.cold),
      bootMs: sample(30),
      importMs: sample(values.cold - 30),
      firstInvokeMs: sample(1),
    },
    warmUs: Object.fromEntries(
      Object.entries(values.warm).map(([k, v]) => [k, sample(v)]),
    ),
    warmWallUs: {},
    heap: {
      invocations: 100_000,
      afterWarmUpBytes: 0,
      afterBytes: values.growth,
      growthBytes: values.growth,
    },
  };
}

describe('checkTargets', () => {
  const seed = figures('seed-sqs', 'seed', 'sqs', {
    cold: 100,
    warm: { '1': 40 },
    bytes: 1000,
    growth: 0,
  });
  const httpSeed = figures('seed-http', 'seed', 'http', {
    cold: 100,
    warm: { '1': 40 },
    bytes: 1000,
    growth: 0,
  });
  const express = figures('express-http', 'express', 'http', {
    cold: 600,
    warm: { '1': 100 },
    bytes: 2000,
    growth: 0,
  });

  it('checks each target against its reference from the same run', () => {
    const kit = figures('kit-sqs-singleton', 'kit', 'sqs', {
      cold: 110,
      warm: { '1': 8, '100': 4, '10000': 6 },
      bytes: 1100,
      growth: 6 * 2 ** 20,
    });
    const checks = checkTargets([seed, kit]);
    expect(checks.map((c) => [c.target, c.met, c.ratio?.toFixed(3)])).toEqual([
      ['cold start ≤ 1.0 × seed (then toward 0.8 ×)', false, '1.100'],
      ['bundle ≤ 0.5 × seed', false, '1.100'],
      ['warm per invocation ≤ 1.0 × seed', true, '0.200'],
      ['singleton + pipeline: ≤ 5 µs per record in a batch', true, '0.800'],
      ['singleton + pipeline: ≤ 5 µs per record in a batch', false, '1.200'],
      ['singleton + pipeline: ≤ 10 µs per invocation', true, '0.800'],
      ['heap growth < 5 MB over 100,000 invocations', false, '1.200'],
    ]);
    expect(checks[0]).toMatchObject({
      figure: '110 ms',
      reference: 'seed 100 ms',
      limit: '≤ 1.00',
    });
  });

  it('compares request-scoped functions with the seed, and HTTP ones with express too', () => {
    const kit = figures('kit-http-request', 'kit', 'http', {
      cold: 150,
      warm: { '1': 50 },
      bytes: 900,
      growth: 0,
    });
    const checks = checkTargets([httpSeed, express, kit]);
    expect(checks.map((c) => [c.target, c.met, c.ratio?.toFixed(3)])).toEqual([
      ['cold start ≤ 1.0 × seed (then toward 0.8 ×)', false, '1.500'],
      ['bundle ≤ 0.5 × seed', false, '0.900'],
      ['warm per invocation ≤ 1.0 × seed', false, '1.250'],
      ['express cold start ≥ 2.5 × ours', true, '4.000'],
      ['heap growth < 5 MB over 100,000 invocations', true, '0.000'],
    ]);
    expect(checks[3]).toMatchObject({
      reference: 'express 600 ms',
      limit: '≥ 2.50',
    });
  });

  it('leaves a target undecided when its function gave a wrong result', () => {
    const kit = {
      ...figures('kit-sqs-request', 'kit', 'sqs', {
        cold: 90,
        warm: { '1': 1 },
        bytes: 10,
        growth: 0,
      }),
      wrong: 'no',
    };
    expect(checkTargets([seed, kit]).every((c) => c.met === undefined)).toBe(
      true,
    );
  });
});
