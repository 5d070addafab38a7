// One worker thread per function and build: a fresh module graph, so the next request after a
// rebuild runs the new code, and the function's own environment (workers copy process.env).
// A worker starts as a standby that loads the packages the service imports (most of a cold
// start); the entry of a build, loaded on `{ entry }`, then only evaluates the service's own code.
import {
  installAwsLambdaGlobal,
  isStreamingHandler,
  lambdaContext,
} from '@create-nest-lambda/runtime/testing';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { WorkerResponseStream } from './worker-response-stream.js';

type Message =
  | { readonly entry: string }
  | { readonly id: number; readonly event: unknown }
  | { readonly abort: number };
type Handler = (...args: unknown[]) => Promise<unknown>;

// As Lambda's Node.js runtime does before it loads a handler: `awslambda.streamifyResponse` and
// `awslambda.HttpResponseStream`, for functions that stream their responses.
installAwsLambdaGlobal();
// The response streams of the invocations still running, by id (the client may leave), and the
// invocations whose client left before their stream was made.
const streams = new Map<number, WorkerResponseStream>();
const aborted = new Set<number>();

const { name, preload } = workerData as { name: string; preload: string[] };
// Resolved from this file, that is from the service's node_modules (where this package is
// installed); a package that does not resolve here is simply loaded with the entry.
const packages = Promise.allSettled(
  preload.map((specifier) => import(specifier)),
);
let loaded: Promise<Handler> | undefined;

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

parentPort!.on('message', (message: Message) => {
  if ('entry' in message) {
    loaded = packages
      .then(() => import(pathToFileURL(message.entry).href))
      .then((module: { handler: Handler }) => module.handler);
    // Ready either way: a failed import is each invocation's answer.
    loaded.then(
      () => parentPort!.postMessage({ ready: true }),
      () => parentPort!.postMessage({ ready: true }),
    );
    return;
  }
  if ('abort' in message) {
    const stream = streams.get(message.abort);
    if (stream) stream.destroy();
    else aborted.add(message.abort);
    return;
  }
  const { id, event } = message;
  (loaded ?? Promise.reject(new Error(`${name}: no build loaded`)))
    .then((handler) => {
      if (!isStreamingHandler(handler)) {
        aborted.delete(id);
        return handler(event, lambdaContext(name));
      }
      const stream = new WorkerResponseStream(id, parentPort!);
      streams.set(id, stream);
      if (aborted.delete(id)) stream.destroy();
      // As Lambda's runtime does, a streaming handler's return value is ignored.
      return handler(event, stream, lambdaContext(name))
        .then(() => undefined)
        .finally(() => streams.delete(id));
    })
    .then(
      (result) => parentPort!.postMessage({ id, result }),
      (error: unknown) =>
        parentPort!.postMessage({ id, error: describe(error) }),
    );
});
