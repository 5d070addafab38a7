// Warm cost of one features variant in one process: import, warm up, then timed loops of first
// deliveries (order ids never seen) and of redeliveries (the same events again), which differ only
// for idempotency (a stored result instead of a run). Usage: node features.worker.js '<spec JSON>'
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { lambdaContext, sqsEvent, wrongResult } from '../events/events.js';
import { RESULT_FD } from '../measure/worker-protocol.js';
import type {
  FeaturesWarmReport,
  FeaturesWarmSpec,
} from './features-protocol.js';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const spec = JSON.parse(process.argv[2]!) as FeaturesWarmSpec;
const { handler } = (await import(pathToFileURL(spec.bundle).href)) as {
  handler: Handler;
};
const contexts = Array.from({ length: 64 }, (_, i) =>
  lambdaContext(spec.functionName, i),
);
// Batch numbers make the order ids; this process's start where the orchestrator said, so no two
// processes of a run share an id in the idempotency table.
let nextBatch = spec.firstBatch;

const freshEvents = (size: number, count: number) =>
  Array.from({ length: count }, () =>
    sqsEvent(spec.fixturesDir, nextBatch++, size),
  );

const cpuMs = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1_000;
};

/** Invokes each event once; CPU and wall µs per record. */
async function timed(events: readonly unknown[], size: number) {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  let result: unknown;
  for (let i = 0; i < events.length; i++) {
    result = await handler(events[i], contexts[i & 63]);
  }
  const records = events.length * size;
  const wrong = wrongResult('sqs', events.at(-1), result);
  return {
    cpuUs: (cpuMs(cpuStart) * 1_000) / records,
    wallUs: ((performance.now() - wallStart) * 1_000) / records,
    wrong,
  };
}

async function measure(): Promise<FeaturesWarmReport> {
  const report: FeaturesWarmReport = { bySize: {} };
  for (const size of spec.batchSizes) {
    // Warm-up on first deliveries, in CPU time, which also tells how long one invocation takes.
    let invocations = 0;
    const warmUpStart = process.cpuUsage();
    while (invocations < 2 || cpuMs(warmUpStart) < spec.warmUpMs) {
      const [event] = freshEvents(size, 1);
      const wrong = wrongResult(
        'sqs',
        event,
        await handler(event, contexts[0]),
      );
      if (wrong) return { ...report, wrong: `batch of ${size}: ${wrong}` };
      invocations++;
    }
    const perInvocationMs = cpuMs(warmUpStart) / invocations;
    const count = Math.max(1, Math.round(spec.runMs / perInvocationMs));
    const figures = { firstUs: [] as number[], firstWallUs: [] as number[] };
    const again = { againUs: [] as number[], againWallUs: [] as number[] };
    for (let run = 0; run < spec.runs; run++) {
      const events = freshEvents(size, count);
      const first = await timed(events, size);
      const repeat = await timed(events, size);
      const wrong = first.wrong ?? repeat.wrong;
      if (wrong) return { ...report, wrong: `batch of ${size}: ${wrong}` };
      figures.firstUs.push(first.cpuUs);
      figures.firstWallUs.push(first.wallUs);
      again.againUs.push(repeat.cpuUs);
      again.againWallUs.push(repeat.wallUs);
    }
    report.bySize[String(size)] = { ...figures, ...again };
  }
  return report;
}

writeSync(RESULT_FD, `${JSON.stringify(await measure())}\n`);
process.exit(0);
