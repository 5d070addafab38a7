import { createInterface } from 'node:readline';
import { type CompileResult, watchCompile } from './compiler.js';
import { createDevServer, type RequestRecord } from './dev-server.js';
import { FrontCors } from './front-cors.js';
import { FunctionPool, type OutputSink } from './function-pool.js';
import { HTTP_TRIGGERS } from './events.js';
import { type LogFormat, LogFormatter } from './log-format.js';
import { serviceFunctions } from './service-functions.js';

/** How `startDevServer` runs. */
export interface DevServerOptions {
  readonly port: number;
  /** `pretty`: one readable, coloured (on a terminal) line per log entry; `json`: as Lambda writes them. */
  readonly logs: LogFormat;
  /**
   * Whether to run `tsc --watch` itself (`nest-lambda-dev`); `nest start --watch` compiles and
   * restarts the server on its own, so it passes `false`.
   */
  readonly compile: boolean;
}

/**
 * Serves the service in the current folder on 127.0.0.1 until SIGINT or SIGTERM: each HTTP
 * function at its routes, every function at `POST /_functions/<name>/invoke`.
 */
export function startDevServer({
  port,
  logs,
  compile,
}: DevServerOptions): void {
  const root = process.cwd();
  const functions = serviceFunctions(root);
  const format = new LogFormatter(
    logs,
    logs === 'pretty' && process.stdout.isTTY && process.stdout.hasColors(),
    functions.map((fn) => fn.name),
  );
  const say = (line: string) => process.stdout.write(`${line}\n`);
  // Each line a function writes, through the formatter, to the same stream.
  const output: OutputSink = (fn, stream, kind) =>
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) =>
      (kind === 'stderr' ? process.stderr : process.stdout).write(
        `${format.functionLine(fn.name, line, kind)}\n`,
      ),
    );
  const pool = new FunctionPool(root, output, compile);

  if (functions.length === 0) {
    process.stderr.write(
      'Error: no src/functions/*.function.ts here; run nest-lambda-dev in the folder of a service.\n',
    );
    process.exit(2);
  }

  // Requests wait for the first compile; the port is taken at once, so a conflict shows at once.
  let firstCompile = true;
  let failed = false;
  let compiled!: () => void;
  pool.hold(new Promise<void>((resolve) => (compiled = resolve)));
  const tsc = compile ? watchCompile(root, onCompiled) : undefined;
  if (!compile) compiled();
  function onCompiled({ errors, firstError, ms }: CompileResult) {
    const first = firstCompile;
    firstCompile = false;
    if (errors > 0) {
      failed = true;
      say(
        format.notice(
          `compile failed (${errors} error${errors > 1 ? 's' : ''}: ${firstError ?? 'see tsc'}); still serving the last good build`,
          'red',
        ),
      );
      compiled();
      return;
    }
    // The next request starts a worker on the new build; running ones finish on the old one.
    void pool.reset();
    if (!first)
      say(
        format.notice(
          failed
            ? `compiled in ${ms} ms; the errors are fixed, serving the new build`
            : `compiled in ${ms} ms; serving the new build`,
          'green',
        ),
      );
    failed = false;
    compiled();
  }

  const onRequest = ({ method, path, fn, status, ms, error }: RequestRecord) =>
    say(
      format.request(method, path, fn, status, ms) +
        (error ? `\n${format.notice(`  ${error}`, 'red')}` : ''),
    );
  const server = createDevServer(
    functions,
    pool,
    onRequest,
    new FrontCors(root),
  );
  listen();

  function listen() {
    server.once('error', (error: NodeJS.ErrnoException) => {
      process.stderr.write(
        error.code === 'EADDRINUSE'
          ? `Error: port ${port} on 127.0.0.1 is taken; stop what uses it, or pass --port <n> (or set PORT).\n`
          : `Error: ${error.message}\n`,
      );
      void stop(1);
    });
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
      const placeholders = functions.flatMap((fn) =>
        fn.placeholders.map(
          (key) => `${fn.name}: ${key}=${fn.environment[key]}`,
        ),
      );
      // One write, so that whoever reads the output sees the whole list with the first line.
      say(
        [
          format.notice(`dev server listening on ${url}`, 'bold'),
          ...functions.map((fn) =>
            HTTP_TRIGGERS.has(fn.trigger)
              ? `  ${fn.name} (${fn.trigger}): ${url}${fn.stage ? `/${fn.stage}` : ''}/…`
              : `  ${fn.name} (${fn.trigger}): POST ${url}/_functions/${fn.name}/invoke`,
          ),
          ...(placeholders.length > 0
            ? [
                `local placeholders for values only AWS has: ${placeholders.join(', ')}`,
              ]
            : []),
        ].join('\n'),
      );
    });
  }

  let stopping = false;
  async function stop(code: number) {
    if (stopping) return;
    stopping = true;
    // Wait for tsc to be gone: on Ctrl-C the terminal signals it too, but a SIGINT sent to this
    // process alone (a supervisor, a test) must not leave it running.
    const tscGone =
      tsc && tsc.exitCode === null && tsc.signalCode === null
        ? new Promise((resolve) => tsc.once('exit', resolve))
        : Promise.resolve();
    tsc?.kill();
    server.closeAllConnections();
    server.close();
    await Promise.all([pool.close(), tscGone]);
    process.exit(code);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}
