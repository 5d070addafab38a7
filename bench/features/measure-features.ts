import { createSocket } from 'node:dgram';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { BenchConfig } from '../bench.config.js';
import { sqsEvent } from '../events/events.js';
import { bundleSize } from '../measure/bundle-size.js';
import { lambdaEnvironment, runWorker } from '../measure/spawn-worker.js';
import type { ColdStartReport } from '../measure/worker-protocol.js';
import { EVENT_FIXTURES } from '../paths.js';
import type { Sample } from '../report/figures.js';
import { startLocalDynamoDb } from '../../packages/runtime/test/support/local-dynamodb.js';
import { sample } from '../support/sample.js';
import { buildFeatureVariant } from './build-features.js';
import type {
  FeaturesLoops,
  FeaturesWarmReport,
  FeaturesWarmSpec,
} from './features-protocol.js';
import {
  FEATURE_VARIANTS,
  type FeatureStores,
  type FeatureVariant,
} from './variants.js';

const COLD_WORKER = join(
  import.meta.dirname,
  '..',
  'measure',
  'cold-start.worker.js',
);
const WARM_WORKER = join(import.meta.dirname, 'features.worker.js');

// 10,000-record batches would take minutes per loop against a local table; 1 and 10 show the
// per-invocation part (the metrics flush) and the per-record part (idempotency, subsegments).
const BATCH_SIZES = [1, 10];
// Batch numbers of one process's events; each process gets its own range (see firstBatch).
const BATCHES_PER_PROCESS = 10_000_000;

export interface FeatureFigures {
  readonly id: string;
  readonly label: string;
  readonly bundleBytes: number;
  /** Fresh process: spawn to first result, and its CPU. */
  readonly coldStartMs: Sample;
  readonly coldStartCpuMs: Sample;
  /** By batch size: CPU µs per record for first deliveries and redeliveries (and wall). */
  readonly warm: Record<string, Record<keyof FeaturesLoops, Sample>>;
  readonly wrong?: string;
}

export interface FeaturesOutcome {
  /** Where the idempotency table lives, and why, for the report. */
  readonly store: string;
  readonly variants: readonly FeatureFigures[];
}

/**
 * The cost of idempotency, metrics and tracing on and off: the features bench's SQS function in
 * each variant of `variants.ts`, cold starts round-robin as the main bench does them, then one warm
 * process per variant and round. Idempotency runs against dynalite started in this process, the
 * X-Ray daemon is a UDP socket here that drops what it gets.
 */
export async function measureFeatures(
  config: BenchConfig,
  bundlesDir: string,
  target: string,
  log: (message: string) => void,
): Promise<FeaturesOutcome> {
  const built = [];
  for (const variant of FEATURE_VARIANTS)
    built.push({
      variant,
      fn: await buildFeatureVariant(variant, bundlesDir, target),
    });

  const db = await startLocalDynamoDb();
  const daemon = createSocket('udp4');
  try {
    await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
    const stores: FeatureStores = {
      dynamodb: db.env,
      idempotencyTable: 'bench-idempotency',
      xrayDaemon: `127.0.0.1:${(daemon.address() as AddressInfo).port}`,
    };
    await db.createIdempotencyTable(stores.idempotencyTable);
    let processes = 0;
    const env = (variant: FeatureVariant) => ({
      ...lambdaEnvironment(variant.id),
      POWERTOOLS_SERVICE_NAME: 'bench',
      ...variant.environment(stores),
    });

    const cold = new Map<string, { totalMs: number[]; cpuMs: number[] }>(
      built.map(({ variant }) => [variant.id, { totalMs: [], cpuMs: [] }]),
    );
    const wrong = new Map<string, string>();
    for (let round = 0; round <= config.coldStartRuns; round++) {
      for (const { variant, fn } of built) {
        // A first delivery every time: idempotency's cold path writes its record.
        const eventFile = join(bundlesDir, `features-cold-${processes}.json`);
        writeFileSync(
          eventFile,
          JSON.stringify(
            sqsEvent(EVENT_FIXTURES, ++processes * BATCHES_PER_PROCESS, 1),
          ),
        );
        const run = await runWorker<ColdStartReport & { result: unknown }>(
          COLD_WORKER,
          [fn.bundle, eventFile, variant.id],
          {
            node: config.node,
            env: env(variant),
            cwd: dirname(fn.bundle),
            timeoutMs: 60_000,
          },
        );
        const failures = (run.report.result as { batchItemFailures?: unknown })
          ?.batchItemFailures;
        if (!Array.isArray(failures) || failures.length > 0)
          wrong.set(
            variant.id,
            `cold start: ${JSON.stringify(run.report.result)}`,
          );
        // The first round only fills the file cache.
        if (round === 0) continue;
        cold.get(variant.id)!.totalMs.push(run.ms);
        cold.get(variant.id)!.cpuMs.push(run.report.cpuMs);
      }
      log(
        `features: cold starts, round ${round + 1}/${config.coldStartRuns + 1}`,
      );
    }

    const warm = new Map<
      string,
      Record<string, Record<keyof FeaturesLoops, number[]>>
    >();
    for (let round = 0; round < config.warmRounds; round++) {
      for (const { variant, fn } of built) {
        log(
          `features: warm, round ${round + 1}/${config.warmRounds}: ${variant.id}`,
        );
        const spec: FeaturesWarmSpec = {
          bundle: fn.bundle,
          functionName: variant.id,
          fixturesDir: EVENT_FIXTURES,
          batchSizes: BATCH_SIZES,
          firstBatch: ++processes * BATCHES_PER_PROCESS,
          runs: config.warmRunsPerRound,
          runMs: config.runMs,
          warmUpMs: config.warmUpMs,
        };
        const { report } = await runWorker<FeaturesWarmReport>(
          WARM_WORKER,
          [JSON.stringify(spec)],
          {
            node: config.node,
            env: env(variant),
            cwd: dirname(fn.bundle),
            timeoutMs: 600_000,
          },
        );
        if (report.wrong) wrong.set(variant.id, report.wrong);
        const sizes = warm.get(variant.id) ?? {};
        for (const [size, loops] of Object.entries(report.bySize)) {
          const into = (sizes[size] ??= {
            firstUs: [],
            firstWallUs: [],
            againUs: [],
            againWallUs: [],
          });
          for (const key of Object.keys(loops) as (keyof FeaturesLoops)[])
            into[key].push(...loops[key]);
        }
        warm.set(variant.id, sizes);
      }
    }

    return {
      store:
        "dynalite (npm), in memory, in the bench process on 127.0.0.1: the store the runtime tests use; no Java or Docker needed. Its latency is not DynamoDB's, so only the CPU figures of the function process carry over.",
      variants: built.map(({ variant, fn }) => {
        const coldRuns = cold.get(variant.id)!;
        const reason = wrong.get(variant.id);
        return {
          id: variant.id,
          label: variant.label,
          bundleBytes: bundleSize(fn.bundle).bytes,
          coldStartMs: sample(coldRuns.totalMs),
          coldStartCpuMs: sample(coldRuns.cpuMs),
          warm: Object.fromEntries(
            Object.entries(warm.get(variant.id) ?? {}).map(([size, loops]) => [
              size,
              Object.fromEntries(
                Object.entries(loops).map(([key, runs]) => [key, sample(runs)]),
              ) as Record<keyof FeaturesLoops, Sample>,
            ]),
          ),
          ...(reason ? { wrong: reason } : {}),
        };
      }),
    };
  } finally {
    daemon.close();
    await db.stop();
  }
}
