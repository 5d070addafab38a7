import type { TriggerKind } from '../scenarios.js';

// Workers are fresh Node processes that import one bundle. They answer on file descriptor 3 with
// one JSON line, so whatever the function logs on stdout and stderr cannot be mistaken for it.

export const RESULT_FD = 3;

export interface ColdStartReport {
  /** ms from the start of the process (performance.timeOrigin) to the worker's first line. */
  readonly bootMs: number;
  /** ms to import the bundle: module evaluation and the Nest init it does. */
  readonly importMs: number;
  /** ms of the first invocation. */
  readonly firstInvokeMs: number;
  /** CPU ms of the process (user + system, all threads) when the result was there. */
  readonly cpuMs: number;
  readonly wrong?: string;
}

export interface WarmSpec {
  readonly mode: 'warm' | 'heap';
  readonly bundle: string;
  readonly trigger: TriggerKind;
  readonly functionName: string;
  readonly fixturesDir: string;
  readonly batchSizes: readonly number[];
  readonly runs: number;
  readonly runMs: number;
  readonly warmUpMs: number;
  readonly heapInvocations: number;
  /**
   * Record a V8 CPU profile of the timed loops only (not the import or the warm-up), one file per
   * batch size: `<profilePrefix>.<size>.cpuprofile`.
   */
  readonly profilePrefix?: string;
}

export interface WarmReport {
  /** CPU µs (user + system, all threads) per record, one value per timed loop, by batch size. */
  readonly perRecordUs: Record<string, number[]>;
  /** The same loops in wall-clock time, which includes waiting for a core on a busy machine. */
  readonly perRecordWallUs: Record<string, number[]>;
  readonly wrong?: string;
}

export interface HeapReport {
  readonly invocations: number;
  /** heapUsed after global.gc(), once warmed up and after all invocations. */
  readonly heapAfterWarmUp: number;
  readonly heapAfter: number;
  readonly wrong?: string;
}
