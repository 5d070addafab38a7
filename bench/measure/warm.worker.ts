// Warm cost and heap of one bundle in one process: import, warm up, then timed loops (mode
// `warm`) or 100,000 invocations between two global.gc() (mode `heap`, needs --expose-gc).
// Usage: node [--expose-gc] warm.worker.js '<WarmSpec as JSON>'
import { writeFileSync, writeSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { eventPool, lambdaContext, wrongResult } from '../events/events.js';
import type { HeapReport, WarmReport, WarmSpec } from './worker-protocol.js';
import { RESULT_FD } from './worker-protocol.js';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const LOOPS_BUDGET_MS = 4_000;

const spec = JSON.parse(process.argv[2]!) as WarmSpec;
const { handler } = (await import(pathToFileURL(spec.bundle).href)) as {
  handler: Handler;
};
const contexts = Array.from({ length: 64 }, (_, i) =>
  lambdaContext(spec.functionName, i),
);

// Distinct events, reused round-robin: 256 single ones, fewer of the large batches.
const poolSize = (size: number) => (size === 1 ? 256 : size <= 100 ? 16 : 2);

async function invokeLoop(
  pool: readonly unknown[],
  count: number,
  offset = 0,
): Promise<unknown> {
  let result: unknown;
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    result = await handler(pool[n % pool.length], contexts[n & 63]);
  }
  return result;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1_000;
}

async function check(pool: readonly unknown[]): Promise<string | undefined> {
  const result = await handler(pool[0], contexts[0]);
  return wrongResult(spec.trigger, pool[0], result);
}

async function warm(): Promise<WarmReport> {
  const perRecordUs: Record<string, number[]> = {};
  const perRecordWallUs: Record<string, number[]> = {};
  const sizes = spec.trigger === 'sqs' ? spec.batchSizes : [1];
  for (const size of sizes) {
    const pool = eventPool(
      spec.fixturesDir,
      spec.trigger,
      size,
      poolSize(size),
    );
    const wrong = await check(pool);
    if (wrong) {
      return {
        perRecordUs,
        perRecordWallUs,
        wrong: `batch of ${size}: ${wrong}`,
      };
    }

    // Warm up for a while, and learn how long one invocation takes, both in CPU time so that a
    // busy machine does not shorten the warm-up. One invocation of a large batch already runs
    // the hot path thousands of times.
    let invocations = 0;
    const warmUpStart = process.cpuUsage();
    while (
      invocations < (size >= 1_000 ? 1 : 2) ||
      cpuMsSince(warmUpStart) < spec.warmUpMs
    ) {
      await invokeLoop(pool, 1, invocations++);
    }
    const perInvocationMs = cpuMsSince(warmUpStart) / invocations;
    const count = Math.max(1, Math.round(spec.runMs / perInvocationMs));
    // A loop is at least one invocation: when one takes longer than runMs, fewer loops (never
    // under 3) keep a slow function's round near LOOPS_BUDGET_MS.
    const loops = Math.min(
      spec.runs,
      Math.max(3, Math.floor(LOOPS_BUDGET_MS / (count * perInvocationMs))),
    );

    const profiler = spec.profilePrefix ? await startProfiler() : undefined;
    const runs: number[] = [];
    const wallRuns: number[] = [];
    for (let run = 0; run < loops; run++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await invokeLoop(pool, count, run * count);
      runs.push((cpuMsSince(cpuStart) * 1_000) / (count * size));
      wallRuns.push(((performance.now() - start) * 1_000) / (count * size));
    }
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(
        `${spec.profilePrefix}.${size}.cpuprofile`,
        JSON.stringify(profile),
      );
      profiler.disconnect();
    }
    perRecordUs[String(size)] = runs;
    perRecordWallUs[String(size)] = wallRuns;
    const after = await check(pool);
    if (after)
      return {
        perRecordUs,
        perRecordWallUs,
        wrong: `after the loops, batch of ${size}: ${after}`,
      };
  }
  return { perRecordUs, perRecordWallUs };
}

// The profiler `node --cpu-prof` runs, started here so the profile holds the timed loops only.
async function startProfiler(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return session;
}

async function heap(): Promise<HeapReport> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('heap mode needs node --expose-gc');
  const settle = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const pool = eventPool(spec.fixturesDir, spec.trigger, 1, poolSize(1));
  const wrong = await check(pool);
  await invokeLoop(pool, Math.min(2_000, spec.heapInvocations));
  const heapAfterWarmUp = settle();
  await invokeLoop(pool, spec.heapInvocations);
  const heapAfter = settle();
  return {
    invocations: spec.heapInvocations,
    heapAfterWarmUp,
    heapAfter,
    ...(wrong ? { wrong } : {}),
  };
}

const report = spec.mode === 'warm' ? await warm() : await heap();
writeSync(RESULT_FD, `${JSON.stringify(report)}\n`);
process.exit(0);
