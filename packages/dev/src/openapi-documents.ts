import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HTTP_TRIGGERS } from './events.js';
import { compileForOpenApi } from './openapi-compile.js';
import type { OpenApiOptions } from './openapi-options.js';
import type {
  OpenApiWorkerAnswer,
  OpenApiWorkerData,
} from './openapi-worker.js';
import { UsageError } from './options.js';
import { type ServiceFunction, serviceFunctions } from './service-functions.js';

/** A failure while working (exit 1); its message names the problem and the fix. */
export class OpenApiError extends Error {
  override readonly name = 'OpenApiError';
}

// Generous: a function boots in well under a second; this only keeps a stuck init from hanging.
const BOOT_TIMEOUT_MS = 60_000;

/**
 * Writes `<out>/<function>.json`, the OpenAPI document of each HTTP function of the service in
 * `root`, as its own app serves it. Every document is made before the first is written, so a
 * failure writes nothing. `say` gets one line per file (`CREATE openapi/api.json (812 bytes)`).
 */
export async function writeOpenApiDocuments(
  root: string,
  options: OpenApiOptions,
  say: (line: string) => void,
): Promise<void> {
  const all = serviceFunctions(root);
  if (all.length === 0)
    throw new UsageError(
      'no src/functions/*.function.ts here; run nest-lambda-openapi in the folder of a service.',
    );
  const http = all.filter((fn) => HTTP_TRIGGERS.has(fn.trigger));
  const unknown = options.functions.find(
    (name) => !http.some((fn) => fn.name === name),
  );
  if (unknown !== undefined)
    throw new UsageError(
      `"${unknown}" is not an HTTP function of this service; name one of: ${http.map((fn) => fn.name).join(', ') || '(none)'}.`,
    );
  if (http.length === 0) {
    say(
      'no HTTP function in this service (http-api, rest-api, function-url or alb); no document written.',
    );
    return;
  }
  const chosen =
    options.functions.length > 0
      ? http.filter((fn) => options.functions.includes(fn.name))
      : http;

  const swagger = resolveSwagger(root);
  const build = await compileForOpenApi(root);
  if (!build.ok)
    throw new OpenApiError(
      `compile failed (${build.errors} error${build.errors > 1 ? 's' : ''}: ${build.error}); fix it and run again.`,
    );
  const service = JSON.parse(
    readFileSync(join(root, 'package.json'), 'utf8'),
  ) as { name?: string; version?: string };

  const documents: [ServiceFunction, string][] = [];
  for (const fn of chosen) {
    const document = await documentOf(fn, {
      entry: build.entry(fn.name),
      swagger,
      title: fn.name,
      description: `The ${fn.name} function (${fn.trigger}) of ${service.name ?? 'the service'}.`,
      version: service.version ?? '0.0.0',
    });
    documents.push([fn, `${JSON.stringify(document, null, 2)}\n`]);
  }

  const folder = resolve(root, options.out);
  mkdirSync(folder, { recursive: true });
  for (const [fn, text] of documents) {
    const file = join(folder, `${fn.name}.json`);
    const verb = existsSync(file) ? 'UPDATE' : 'CREATE';
    writeFileSync(file, text);
    say(
      `${verb} ${join(options.out, `${fn.name}.json`)} (${Buffer.byteLength(text)} bytes)`,
    );
  }
}

function resolveSwagger(root: string): string {
  try {
    return pathToFileURL(
      createRequire(join(root, 'package.json')).resolve('@nestjs/swagger'),
    ).href;
  } catch {
    throw new OpenApiError(
      '@nestjs/swagger is not installed in this service; add it with npm install --save-dev @nestjs/swagger.',
    );
  }
}

/** Boots `fn` in a worker with its own environment and returns its document. */
function documentOf(
  fn: ServiceFunction,
  data: OpenApiWorkerData,
): Promise<unknown> {
  const worker = new Worker(new URL('./openapi-worker.js', import.meta.url), {
    workerData: data,
    env: { ...process.env, ...fn.environment },
    // Its logs (the app's startup lines) are kept, and shown only when it fails.
    stdout: true,
    stderr: true,
  });
  let output = '';
  worker.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  worker.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const failed = (reason: string) =>
    new OpenApiError(
      `function "${fn.name}" did not boot: ${reason}; fix it (its logs above), then run again.`,
    );
  let timer: NodeJS.Timeout | undefined;
  return new Promise<unknown>((resolvePromise, reject) => {
    timer = setTimeout(
      () => reject(failed(`no app after ${BOOT_TIMEOUT_MS / 1000} s`)),
      BOOT_TIMEOUT_MS,
    );
    worker.once('message', (answer: OpenApiWorkerAnswer) =>
      'document' in answer
        ? resolvePromise(answer.document)
        : reject(failed(answer.error)),
    );
    worker.once('error', (error) => reject(failed(error.message)));
    worker.once('exit', () =>
      reject(failed('its worker ended without an answer')),
    );
  })
    .catch((error: unknown) => {
      if (output.trim() !== '') process.stderr.write(output);
      throw error;
    })
    .finally(() => {
      // Settled either way: stop the worker (the app has no server, but its timers may hold it).
      clearTimeout(timer);
      void worker.terminate();
    });
}
