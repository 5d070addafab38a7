import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchConfig } from '../bench.config.js';
import type { BuiltFunction } from '../bundle/built-function.js';
import { eventPool, wrongResult } from '../events/events.js';
import { EVENT_FIXTURES } from '../paths.js';
import type { ColdStartFigures } from '../report/figures.js';
import type { TriggerKind } from '../scenarios.js';
import { sample } from '../support/sample.js';
import { lambdaEnvironment, runWorker } from './spawn-worker.js';
import type { ColdStartReport } from './worker-protocol.js';

const WORKER = join(import.meta.dirname, 'cold-start.worker.js');

export interface ColdStartOutcome {
  readonly figures: Map<string, ColdStartFigures>;
  readonly wrong: Map<string, string>;
}

/**
 * Fresh processes, round-robin over the functions so that a noisy moment of a shared machine
 * lands on all of them alike. The first round is not counted: it only fills the file cache.
 */
export async function measureColdStarts(
  functions: readonly BuiltFunction[],
  config: BenchConfig,
  workDir: string,
  onProgress: (done: number, total: number) => void,
): Promise<ColdStartOutcome> {
  const events = writeEvents(workDir);
  const runs = new Map<string, ColdStartReportRun[]>(
    functions.map((fn) => [fn.scenario.id, []]),
  );
  const wrong = new Map<string, string>();
  const total = config.coldStartRuns + 1;
  for (let round = 0; round < total; round++) {
    for (const fn of functions) {
      const { id, trigger } = fn.scenario;
      const run = await runWorker<ColdStartReport & { result: unknown }>(
        WORKER,
        [fn.bundle, events[trigger].file, id],
        {
          node: config.node,
          env: lambdaEnvironment(id),
          cwd: dirname(fn.bundle),
          timeoutMs: 60_000,
        },
      );
      const why = wrongResult(
        trigger,
        events[trigger].event,
        run.report.result,
      );
      if (why) wrong.set(id, why);
      if (round > 0) runs.get(id)!.push({ ...run.report, totalMs: run.ms });
    }
    onProgress(round + 1, total);
  }
  const figures = new Map<string, ColdStartFigures>();
  for (const [id, list] of runs) {
    figures.set(id, {
      totalMs: sample(list.map((r) => r.totalMs)),
      cpuMs: sample(list.map((r) => r.cpuMs)),
      bootMs: sample(list.map((r) => r.bootMs)),
      importMs: sample(list.map((r) => r.importMs)),
      firstInvokeMs: sample(list.map((r) => r.firstInvokeMs)),
    });
  }
  return { figures, wrong };
}

interface ColdStartReportRun extends ColdStartReport {
  readonly totalMs: number;
}

function writeEvents(
  workDir: string,
): Record<TriggerKind, { event: unknown; file: string }> {
  const write = (trigger: TriggerKind) => {
    const event = eventPool(EVENT_FIXTURES, trigger, 1, 1)[0];
    const file = join(workDir, `cold-start-${trigger}.json`);
    writeFileSync(file, JSON.stringify(event));
    return { event, file };
  };
  return { sqs: write('sqs'), http: write('http') };
}
