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

/**
 * For each function: a V8 CPU profile of its warm path (the warm worker's timed loops only, over
 * 1-record events and, for SQS, 100-record batches) and a `node --cpu-prof` profile of a whole
 * cold start, both sampled every 100 µs. Writes the .cpuprofile files (open them in Chrome
 * DevTools) and `summary.md`, where the bundle's frames are mapped back to their sources.
 */
export async function profileFunctions(
  functions: readonly BuiltFunction[],
  config: BenchConfig,
  log: (message: string) => void,
): Promise<string> {
  rmSync(PROFILES_DIR, { recursive: true, force: true });
  mkdirSync(PROFILES_DIR, { recursive: true });
  const sections: string[] = [];
  for (const fn of functions) {
    const { id, trigger } = fn.scenario;
    const env = lambdaEnvironment(id);
    const cwd = dirname(fn.bundle);
    const sizes = trigger === 'sqs' ? [1, 100] : [1];

    log(`profile: ${id}, warm`);
    const spec: WarmSpec = {
      mode: 'warm',
      bundle: fn.bundle,
      trigger,
      functionName: id,
      fixturesDir: EVENT_FIXTURES,
      batchSizes: sizes,
      runs: config.quick ? 1 : 4,
      runMs: config.quick ? 20 : 750,
      warmUpMs: config.warmUpMs,
      heapInvocations: 0,
      profilePrefix: join(PROFILES_DIR, `${id}.warm`),
    };
    await runWorker(
      join(BENCH_DIST, 'measure', 'warm.worker.js'),
      [JSON.stringify(spec)],
      {
        node: config.node,
        env,
        cwd,
        timeoutMs: 600_000,
      },
    );
    for (const size of sizes) {
      const title = `${id}: warm, ${size === 1 ? 'one-record invocations' : `batches of ${size}`}`;
      sections.push(
        formatSummary(
          title,
          summarizeProfile(
            `${spec.profilePrefix}.${size}.cpuprofile`,
            fn.bundle,
          ),
        ),
      );
    }

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
        nodeArgs: [
          '--cpu-prof',
          '--cpu-prof-interval',
          '100',
          '--cpu-prof-dir',
          coldDir,
        ],
        node: config.node,
        env,
        cwd,
        timeoutMs: 60_000,
      },
    );
    sections.push(
      formatSummary(
        `${id}: cold start, whole process`,
        summarizeProfile(only(coldDir), fn.bundle),
      ),
    );
  }
  const summary = join(PROFILES_DIR, 'summary.md');
  writeFileSync(summary, `# CPU profiles\n\n${sections.join('\n')}`);
  return summary;
}

function only(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length !== 1)
    throw new Error(`expected one profile in ${dir}, found ${files.length}`);
  return join(dir, files[0]!);
}
