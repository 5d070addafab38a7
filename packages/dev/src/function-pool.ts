import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { importedPackages } from './imported-packages.js';
import type { ServiceFunction } from './service-functions.js';
import type { StreamPart } from './worker-response-stream.js';

type Reply =
  | { readonly ready: true }
  | { readonly id: number; readonly stream: StreamPart }
  | { readonly id: number; readonly result?: unknown; readonly error?: string };

interface Job {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onStream?: (part: StreamPart) => void;
}

/** How an invocation hears of a streamed answer, and how its client leaving is told. */
export interface InvokeOptions {
  /** Receives each piece of the answer of a streaming function (`awslambda.streamifyResponse`). */
  readonly onStream?: (part: StreamPart) => void;
  /** Aborted when the client has gone: the function's response stream is destroyed. */
  readonly signal?: AbortSignal;
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
  /** Settles once the entry given to `load` has been imported (or failed to). */
  readonly ready: Promise<void>;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  private retired = false;

  constructor(
    readonly fn: ServiceFunction,
    output: OutputSink,
    preload: readonly string[],
  ) {
    this.worker = new Worker(new URL('./function-worker.js', import.meta.url), {
      workerData: { name: fn.name, preload },
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
    let ready!: () => void;
    this.ready = new Promise((resolve) => (ready = resolve));
    this.worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return ready();
      if ('stream' in reply)
        return this.jobs.get(reply.id)?.onStream?.(reply.stream);
      const job = this.jobs.get(reply.id);
      this.jobs.delete(reply.id);
      if (reply.error === undefined) job?.resolve(reply.result);
      else job?.reject(new FunctionError(reply.error));
      if (this.retired && this.jobs.size === 0) void this.worker.terminate();
    });
    this.worker.on('error', (error) =>
      this.failAll(`${fn.name} failed: ${error.message}`),
    );
    // A worker that ends (process.exit in the function, or terminate()) answers what it still owed.
    this.worker.on('exit', (code) => {
      ready();
      this.failAll(`${fn.name} ended (exit code ${code}) before answering`);
    });
  }

  /** Imports the entry of the current build. */
  load(entry: string): void {
    this.worker.postMessage({ entry });
  }

  invoke(event: unknown, options: InvokeOptions = {}): Promise<unknown> {
    const id = this.nextId++;
    const { onStream, signal } = options;
    const abort = () => {
      if (this.jobs.has(id)) this.worker.postMessage({ abort: id });
    };
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, onStream });
      this.worker.postMessage({ id, event });
      // The client may have left while the request waited for a compile.
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort, { once: true });
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
 * `reset()` (after a successful compile) retires them, and loads the ones in use again on the new
 * build at once; requests already running finish on the old build. Each function in use also has
 * a standby worker with the service's packages loaded, so that a reload only runs its own code.
 */
export class FunctionPool {
  private workers = new Map<string, FunctionWorker>();
  private readonly standby = new Map<string, FunctionWorker>();
  private ready: Promise<void> = Promise.resolve();
  private closed = false;

  /**
   * `standbys`: keep the standby workers; only worth it when the pool outlives a build
   * (`nest start --watch` starts a new server for each one).
   */
  constructor(
    private readonly root: string,
    private readonly output: OutputSink,
    private readonly standbys: boolean,
  ) {}

  /** Holds every invocation until `ready` settles (the first compile). */
  hold(ready: Promise<void>): void {
    this.ready = ready;
  }

  async invoke(
    fn: ServiceFunction,
    event: unknown,
    options?: InvokeOptions,
  ): Promise<unknown> {
    await this.ready;
    return (this.workers.get(fn.name) ?? this.start(fn)).invoke(event, options);
  }

  /** Retires the workers of the current build; resolves when they have ended. */
  async reset(): Promise<void> {
    const workers = [...this.workers.values()];
    this.workers = new Map();
    for (const { fn } of workers) this.start(fn);
    await Promise.all(workers.map((worker) => worker.retire()));
  }

  /** Ends every worker now (the server stops). */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.workers.values(), ...this.standby.values()];
    this.workers = new Map();
    this.standby.clear();
    await Promise.all(workers.map((worker) => worker.worker.terminate()));
  }

  private start(fn: ServiceFunction): FunctionWorker {
    const worker = this.standby.get(fn.name) ?? this.spawn(fn);
    this.standby.delete(fn.name);
    worker.load(join(this.root, 'dist', 'functions', `${fn.name}.function.js`));
    this.workers.set(fn.name, worker);
    // A worker that failed is replaced on the next request.
    worker.worker.once('exit', () => {
      if (this.workers.get(fn.name) === worker) this.workers.delete(fn.name);
    });
    // The next build's worker loads its packages once this one no longer needs the CPU.
    void worker.ready.then(() => {
      if (!this.standbys || this.closed || this.standby.has(fn.name)) return;
      const spare = this.spawn(fn);
      this.standby.set(fn.name, spare);
      spare.worker.once('exit', () => {
        if (this.standby.get(fn.name) === spare) this.standby.delete(fn.name);
      });
    });
    return worker;
  }

  private spawn(fn: ServiceFunction): FunctionWorker {
    return new FunctionWorker(fn, this.output, importedPackages(this.root));
  }
}
