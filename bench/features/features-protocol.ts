// The features worker's input and answer (one JSON line on fd 3, as the other workers).

export interface FeaturesWarmSpec {
  readonly bundle: string;
  readonly functionName: string;
  readonly fixturesDir: string;
  readonly batchSizes: readonly number[];
  /** The first batch number of this process's events (order ids are `ord-<batch>-<index>`). */
  readonly firstBatch: number;
  readonly runs: number;
  readonly runMs: number;
  readonly warmUpMs: number;
}

/** CPU and wall µs per record, one value per timed loop. */
export interface FeaturesLoops {
  /** Events never sent before. */
  readonly firstUs: number[];
  readonly firstWallUs: number[];
  /** The same events sent again (a redelivery or a duplicate send). */
  readonly againUs: number[];
  readonly againWallUs: number[];
}

export interface FeaturesWarmReport {
  readonly bySize: Record<string, FeaturesLoops>;
  readonly wrong?: string;
}
