import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { ServiceFunction } from './service-functions.js';

interface Reply {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: string;
}

interface Job {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The handler threw, or its init failed: the dev server answers 502 with the message. */
export class FunctionError extends Error {
  override readonly name = 'FunctionError';
}

/** Receives what a function's worker writes to stdout and stderr. */
export type OutputSink = (
  fn: ServiceFunction,
  stream: Readable,
  kind: 'stdout' | 'stderr',
) => void;

/** One function's worker and the invocations it has not answered yet. */
class FunctionWorker {
  readonly worker: Worker;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  private retired = false;

  constructor(
    root: string,
    readonly fn: ServiceFunction,
    output: OutputSink,
  ) {
    this.worker = new Worker(new URL('./function-worker.js', import.meta.url), {
      workerData: {
        entry: join(root, 'dist', 'functions', `${fn.name}.function.js`),
        name: fn.name,
      },
      env: {
        ...process.env,
        AWS_LAMBDA_FUNCTION_NAME: fn.name,
        ...fn.environment,
      },
      // Piped to the server, which prefixes each line with the function (and pretty-prints JSON).
      stdout: true,
      stderr: true,
    });
    output(fn, this.worker.stdout, 'stdout');
    output(fn, this.worker.stderr, 'stderr');
    this.worker.on('message', ({ id, result, error }: Reply) => {
      const job = this.jobs.get(id);
      this.jobs.delete(id);
      if (error === undefined) job?.resolve(result);
      else job?.reject(new FunctionError(error));
      if (this.retired && this.jobs.size === 0) void this.worker.terminate();
    });
    this.worker.on('error', (error) =>
      this.failAll(`${fn.name} failed: ${error.message}`),
    );
    // A worker that ends (process.exit in the function, or terminate()) answers what it still owed.
    this.worker.on('exit', (code) =>
      this.failAll(`${fn.name} ended (exit code ${code}) before answering`),
    );
  }

  invoke(event: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      this.worker.postMessage({ id, event });
    });
  }

  /** Ends the worker once the invocations it has started are answered. */
  retire(): Promise<void> {
    this.retired = true;
    if (this.jobs.size === 0) return this.worker.terminate().then(() => {});
    return new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  private failAll(message: string) {
    for (const job of this.jobs.values())
      job.reject(new FunctionError(message));
    this.jobs.clear();
  }
}

/**
 * Runs the functions of one build, each in its own worker thread started on its first request.
 * `reset()` (after a successful compile) retires them, and starts the ones in use again on the new
 * build at once, so that their Nest init is done by the time the next request comes; requests
 * already running finish on the old build.
 */
export class FunctionPool {
  private workers = new Map<string, FunctionWorker>();
  private ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly root: string,
    private readonly output: OutputSink,
  ) {}

  /** Holds every invocation until `ready` settles (the first compile). */
  hold(ready: Promise<void>): void {
    this.ready = ready;
  }

  async invoke(fn: ServiceFunction, event: unknown): Promise<unknown> {
    await this.ready;
    return (this.workers.get(fn.name) ?? this.start(fn)).invoke(event);
  }

  /** Retires the workers of the current build; resolves when they have ended. */
  async reset(): Promise<void> {
    const workers = [...this.workers.values()];
    this.workers = new Map();
    for (const { fn } of workers) this.start(fn);
    await Promise.all(workers.map((worker) => worker.retire()));
  }

  private start(fn: ServiceFunction): FunctionWorker {
    const worker = new FunctionWorker(this.root, fn, this.output);
    this.workers.set(fn.name, worker);
    // A worker that failed to start is replaced on the next request, e.g. after a fix.
    worker.worker.once('exit', () => {
      if (this.workers.get(fn.name) === worker) this.workers.delete(fn.name);
    });
    return worker;
  }

  /** Ends every worker now (the server stops). */
  async close(): Promise<void> {
    const workers = [...this.workers.values()];
    this.workers = new Map();
    await Promise.all(workers.map((worker) => worker.worker.terminate()));
  }
}
