import { dirname, join } from 'node:path';
import type { BenchConfig } from '../bench.config.js';
import type { BuiltFunction } from '../bundle/built-function.js';
import { EVENT_FIXTURES } from '../paths.js';
import type { HeapFigures, Sample } from '../report/figures.js';
import { sample } from '../support/sample.js';
import { lambdaEnvironment, runWorker } from './spawn-worker.js';
import type { HeapReport, WarmReport, WarmSpec } from './worker-protocol.js';

const WORKER = join(import.meta.dirname, 'warm.worker.js');

export interface WarmOutcome {
  /** CPU µs per record by batch size, per function. */
  readonly figures: Map<string, Record<string, Sample>>;
  /** The same in wall-clock µs. */
  readonly wallFigures: Map<string, Record<string, Sample>>;
  readonly wrong: Map<string, string>;
}

function spec(
  fn: BuiltFunction,
  config: BenchConfig,
  mode: WarmSpec['mode'],
): WarmSpec {
  return {
    mode,
    bundle: fn.bundle,
    trigger: fn.scenario.trigger,
    functionName: fn.scenario.id,
    fixturesDir: EVENT_FIXTURES,
    batchSizes: config.batchSizes,
    runs: config.warmRunsPerRound,
    runMs: config.runMs,
    warmUpMs: config.warmUpMs,
    heapInvocations: config.heapInvocations,
  };
}

/** One process per function and round; the rounds go over all functions in turn. */
export async function measureWarm(
  functions: readonly BuiltFunction[],
  config: BenchConfig,
  onProgress: (label: string) => void,
): Promise<WarmOutcome> {
  const runs = new Map<string, Record<string, number[]>>();
  const wallRuns = new Map<string, Record<string, number[]>>();
  const wrong = new Map<string, string>();
  for (let round = 0; round < config.warmRounds; round++) {
    for (const fn of functions) {
      const { id } = fn.scenario;
      onProgress(`round ${round + 1}/${config.warmRounds}: ${id}`);
      const { report } = await runWorker<WarmReport>(
        WORKER,
        [JSON.stringify(spec(fn, config, 'warm'))],
        {
          node: config.node,
          env: lambdaEnvironment(id),
          cwd: dirname(fn.bundle),
          timeoutMs: 600_000,
        },
      );
      if (report.wrong) wrong.set(id, report.wrong);
      append(runs, id, report.perRecordUs);
      append(wallRuns, id, report.perRecordWallUs);
    }
  }
  return { figures: samples(runs), wallFigures: samples(wallRuns), wrong };
}

function append(
  runs: Map<string, Record<string, number[]>>,
  id: string,
  more: Record<string, number[]>,
): void {
  const sizes = runs.get(id) ?? {};
  for (const [size, values] of Object.entries(more)) {
    sizes[size] = [...(sizes[size] ?? []), ...values];
  }
  runs.set(id, sizes);
}

function samples(
  runs: Map<string, Record<string, number[]>>,
): Map<string, Record<string, Sample>> {
  return new Map(
    [...runs].map(([id, sizes]) => [
      id,
      Object.fromEntries(
        Object.entries(sizes).map(([size, values]) => [size, sample(values)]),
      ),
    ]),
  );
}

/** Heap used after global.gc(), once warmed up and after `heapInvocations` more invocations. */
export async function measureHeap(
  fn: BuiltFunction,
  config: BenchConfig,
): Promise<HeapFigures & { wrong?: string }> {
  const { report } = await runWorker<HeapReport>(
    WORKER,
    [JSON.stringify(spec(fn, config, 'heap'))],
    {
      nodeArgs: ['--expose-gc'],
      node: config.node,
      env: lambdaEnvironment(fn.scenario.id),
      cwd: dirname(fn.bundle),
      timeoutMs: 600_000,
    },
  );
  return {
    invocations: report.invocations,
    afterWarmUpBytes: report.heapAfterWarmUp,
    afterBytes: report.heapAfter,
    growthBytes: report.heapAfter - report.heapAfterWarmUp,
    ...(report.wrong ? { wrong: report.wrong } : {}),
  };
}
