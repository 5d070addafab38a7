import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchConfig } from '../bench.config.js';
import type { BuiltFunction } from '../bundle/built-function.js';
import { eventPool } from '../events/events.js';
import { lambdaEnvironment, runWorker } from '../measure/spawn-worker.js';
import type { WarmSpec } from '../measure/worker-protocol.js';
import { BENCH_DIST, EVENT_FIXTURES, RESULTS_DIR } from '../paths.js';
import { formatSummary, summarizeProfile } from './summarize-profile.js';

export const PROFILES_DIR = join(RESULTS_DIR, 'profiles');

// Sampling every 100 µs instead of V8's 1 ms: a cold start is a few hundred ms.
const CPU_PROF = ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir'];

/**
 * Records, for each function, a profile of its warm path (the warm worker's loops over 1-record
 * and 100-record events, long enough that warm-up and import are a small part) and of a cold
 * start, and writes their summaries to bench/results/profiles/summary.md.
 */
export async function profileFunctions(
  functions: readonly BuiltFunction[],
  config: BenchConfig,
  log: (message: string) => void,
): Promise<void> {
  rmSync(PROFILES_DIR, { recursive: true, force: true });
  mkdirSync(PROFILES_DIR, { recursive: true });
  const sections: string[] = [];
  for (const fn of functions) {
    const { id, trigger } = fn.scenario;
    const env = lambdaEnvironment(id);
    const cwd = dirname(fn.bundle);

    log(`profile: ${id}, warm`);
    const warmDir = join(PROFILES_DIR, `${id}.warm`);
    const spec: WarmSpec = {
      mode: 'warm',
      bundle: fn.bundle,
      trigger,
      functionName: id,
      fixturesDir: EVENT_FIXTURES,
      batchSizes: trigger === 'sqs' ? [1, 100] : [1],
      runs: config.quick ? 1 : 5,
      runMs: config.quick ? 20 : 1_000,
      warmUpMs: config.quick ? 50 : 500,
      heapInvocations: 0,
    };
    await runWorker(
      join(BENCH_DIST, 'measure', 'warm.worker.js'),
      [JSON.stringify(spec)],
      {
        nodeArgs: [...CPU_PROF, warmDir],
        env,
        cwd,
        timeoutMs: 600_000,
      },
    );
    sections.push(
      formatSummary(
        `${id}: warm (1-record${trigger === 'sqs' ? ' and 100-record' : ''} invocations)`,
        summarizeProfile(only(warmDir), fn.bundle),
      ),
    );

    log(`profile: ${id}, cold start`);
    const coldDir = join(PROFILES_DIR, `${id}.cold`);
    const eventFile = join(PROFILES_DIR, `${trigger}.event.json`);
    writeFileSync(
      eventFile,
      JSON.stringify(eventPool(EVENT_FIXTURES, trigger, 1, 1)[0]),
    );
    await runWorker(
      join(BENCH_DIST, 'measure', 'cold-start.worker.js'),
      [fn.bundle, eventFile, id],
      {
        nodeArgs: [...CPU_PROF, coldDir],
        env,
        cwd,
        timeoutMs: 60_000,
      },
    );
    sections.push(
      formatSummary(
        `${id}: cold start`,
        summarizeProfile(only(coldDir), fn.bundle),
      ),
    );
  }
  const summary = join(PROFILES_DIR, 'summary.md');
  writeFileSync(
    summary,
    `# CPU profiles of the kit's functions\n\n${sections.join('\n')}`,
  );
  log(`wrote ${summary} and the .cpuprofile files beside it`);
}

function only(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length !== 1)
    throw new Error(`expected one profile in ${dir}, found ${files.length}`);
  return join(dir, files[0]!);
}
