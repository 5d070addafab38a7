import type { Family, TriggerKind } from '../scenarios.js';

/** A median and the runs it was taken from. */
export interface Sample {
  readonly median: number;
  /** Median absolute deviation over the median. */
  readonly spread: number;
  readonly runs: readonly number[];
}

export interface ColdStartFigures {
  /** Whole process, from spawn to the first result. */
  readonly totalMs: Sample;
  /** CPU time of the process (all threads) from its start to the first result. */
  readonly cpuMs: Sample;
  readonly bootMs: Sample;
  readonly importMs: Sample;
  readonly firstInvokeMs: Sample;
}

export interface HeapFigures {
  readonly invocations: number;
  readonly afterWarmUpBytes: number;
  readonly afterBytes: number;
  readonly growthBytes: number;
}

export interface FunctionFigures {
  readonly id: string;
  readonly label: string;
  readonly family: Family;
  readonly trigger: TriggerKind;
  readonly bundleBytes: number;
  readonly bundleGzipBytes: number;
  /** What the bundle holds: bytes per package (or local folder), largest first. */
  readonly bundleByPackage: readonly {
    readonly name: string;
    readonly bytes: number;
  }[];
  readonly coldStart?: ColdStartFigures;
  /**
   * CPU µs per record (user + system, all threads of the process), keyed by batch size; `1` is
   * the cost of one invocation of one record. CPU time, because on a shared machine wall time
   * mostly measures how long the process waited for a core.
   */
  readonly warmUs: Record<string, Sample>;
  /** The same loops in wall-clock µs. */
  readonly warmWallUs: Record<string, Sample>;
  readonly heap?: HeapFigures;
  /** Set when the function did not give the expected result: its figures are not comparable. */
  readonly wrong?: string;
}

export interface GeneratorFigures {
  readonly scaffoldMs?: Sample;
  readonly lambdaHandlerMs?: Sample;
  /** Why a figure is missing, e.g. the schematic does not exist yet. */
  readonly notes: readonly string[];
}

export interface Machine {
  readonly node: string;
  /** The Node.js version the functions ran on (`--node`), when it is not `node`. */
  readonly functionsNode: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
}

export interface BenchResults {
  readonly date: string;
  readonly quick: boolean;
  readonly machine: Machine;
  /** 1-minute load average when measuring began and ended (2.0 means two busy cores). */
  readonly load: { readonly start: number; readonly end: number };
  readonly commit: string;
  readonly versions: Record<string, string>;
  readonly functions: readonly FunctionFigures[];
  readonly generator: GeneratorFigures;
  /** Functions that could not be built or run, with the reason. */
  readonly missing: readonly { id: string; reason: string }[];
  readonly warnings: readonly string[];
}
