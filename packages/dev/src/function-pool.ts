import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ServiceFunction } from './service-functions.js';

interface Reply {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: string;
}

/** The handler threw, or its init failed: the dev server answers 502 with the message. */
export class FunctionError extends Error {
  override readonly name = 'FunctionError';
}

/**
 * Runs the functions of one build, each in its own worker thread started on its first request.
 * `reset()` (after a successful compile) ends them, so that the next request loads the new build.
 */
export class FunctionPool {
  private workers = new Map<string, Worker>();
  private pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly root: string) {}

  /** Holds every invocation until `ready` settles (the first compile). */
  hold(ready: Promise<void>): void {
    this.ready = ready;
  }

  async invoke(fn: ServiceFunction, event: unknown): Promise<unknown> {
    await this.ready;
    const worker = this.workers.get(fn.name) ?? this.start(fn);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, event });
    });
  }

  async reset(): Promise<void> {
    const workers = [...this.workers.values()];
    this.workers = new Map();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private start(fn: ServiceFunction): Worker {
    const worker = new Worker(
      new URL('./function-worker.js', import.meta.url),
      {
        workerData: {
          entry: join(this.root, 'dist', 'functions', `${fn.name}.function.js`),
          name: fn.name,
        },
        env: {
          ...process.env,
          AWS_LAMBDA_FUNCTION_NAME: fn.name,
          ...fn.environment,
        },
      },
    );
    worker.on('message', ({ id, result, error }: Reply) => {
      const job = this.pending.get(id);
      this.pending.delete(id);
      if (error === undefined) job?.resolve(result);
      else job?.reject(new FunctionError(error));
    });
    worker.on('error', (error) => {
      this.workers.delete(fn.name);
      for (const [id, job] of this.pending) {
        this.pending.delete(id);
        job.reject(
          new FunctionError(`${fn.name} failed to start: ${error.message}`),
        );
      }
    });
    this.workers.set(fn.name, worker);
    return worker;
  }
}
