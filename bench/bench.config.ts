/** How much the bench repeats each measurement. */
export interface BenchConfig {
  readonly quick: boolean;
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
  /** Time spent invoking before any loop is timed, so V8 has optimised the hot paths. */
  readonly warmUpMs: number;
  readonly batchSizes: readonly number[];
  readonly heapInvocations: number;
  readonly scaffoldRuns: number;
}

const FULL: Omit<BenchConfig, 'quick' | 'profile'> = {
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
const QUICK: Omit<BenchConfig, 'quick' | 'profile'> = {
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
  'Usage: npm run bench [-- --quick] [-- --profile]   (BENCH_QUICK=1 is --quick)';

/** Reads `--quick`, `--profile` and `BENCH_QUICK=1`; anything else is a usage error. */
export function readConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): BenchConfig {
  const unknown = argv.filter(
    (arg) => arg !== '--quick' && arg !== '--profile',
  );
  if (unknown.length > 0) {
    throw new Error(`unknown option ${unknown.join(' ')}. ${USAGE}`);
  }
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1';
  return {
    quick,
    profile: argv.includes('--profile'),
    ...(quick ? QUICK : FULL),
  };
}
