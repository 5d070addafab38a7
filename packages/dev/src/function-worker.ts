// One worker thread per function and build: a fresh module graph, so the next request after a
// rebuild runs the new code, and the function's own environment (workers copy process.env).
import { lambdaContext } from '@create-nest-lambda/runtime/testing';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

interface Job {
  readonly id: number;
  readonly event: unknown;
}

const { entry, name } = workerData as { entry: string; name: string };
type Handler = (event: unknown, context: unknown) => Promise<unknown>;
const loaded = import(pathToFileURL(entry).href).then(
  (module: { handler: Handler }) => module.handler,
);

parentPort!.on('message', ({ id, event }: Job) => {
  loaded
    .then((handler) => handler(event, lambdaContext(name)))
    .then(
      (result) => parentPort!.postMessage({ id, result }),
      (error: unknown) =>
        parentPort!.postMessage({
          id,
          error:
            error instanceof Error
              ? `${error.name}: ${error.message}`
              : String(error),
        }),
    );
});
