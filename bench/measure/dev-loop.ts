// The local dev loop of the generated service (issue 12): `nest-lambda-dev` as `npm run start:dev`
// runs it, on a free port, driven with fetch. Measured: the time from saving a controller to the
// first response with the change, and the wall time of one request through the server.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sample } from '../report/figures.js';
import { median, relativeSpread } from '../support/stats.js';

/** What the bench measured of the dev loop. */
export interface DevLoopFigures {
  /** From spawning the server to the first 200 of `GET /health` (first compile, worker, Nest init). */
  readonly firstResponseMs: number;
  /** From writing the controller to the first response that shows the change, per edit. */
  readonly saveToResponseMs: Sample;
  /** The part of it tsc took, from noticing the change to its report (the server's "compiled in"). */
  readonly compileMs: Sample;
  /** Wall ms of one `GET /health` through the server, warm, sequential. */
  readonly httpRequestMs: Sample & { readonly p95: number };
  /** Wall ms of one short-form SQS invocation (`POST /_functions/order-events/invoke`), warm. */
  readonly invokeMs: Sample & { readonly p95: number };
}

const HEALTH = 'src/health/health.controller.ts';
// The edited controller: the same route, with a counter each edit changes.
const healthController = (
  edit: number,
) => `import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  @Get()
  check(): { status: 'ok'; edit: number } {
    return { status: 'ok', edit: ${edit} };
  }
}
`;

const sample = (runs: number[]): Sample => ({
  median: median(runs),
  spread: relativeSpread(runs),
  runs,
});
const withP95 = (runs: number[]) => ({
  ...sample(runs),
  p95: [...runs].sort((a, b) => a - b)[Math.floor(runs.length * 0.95)]!,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilTrue(
  what: string,
  ms: number,
  check: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(10);
  }
}

/** Runs the dev server of the service in `serviceDir` and measures the loop; stops it after. */
export async function measureDevLoop(
  serviceDir: string,
  options: { edits: number; requests: number },
): Promise<DevLoopFigures> {
  const original = readFileSync(join(serviceDir, HEALTH), 'utf8');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(serviceDir, 'node_modules/@create-nest-lambda/dev/dist/bin.js'),
      '--port',
      '0',
      '--logs',
      'json',
    ],
    { cwd: serviceDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    let base = '';
    await untilTrue('the dev server listening', 180_000, async () => {
      base = /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '';
      if (child.exitCode !== null)
        throw new Error(`nest-lambda-dev exited:\n${output}`);
      return base !== '';
    });
    const get = (path: string) =>
      fetch(`${base}${path}`, { signal: AbortSignal.timeout(30_000) });
    await untilTrue(
      'the first 200 of GET /health',
      180_000,
      async () => (await get('/health')).status === 200,
    );
    const firstResponseMs = performance.now() - started;
    // The standby workers load their packages meanwhile; they are not what a request costs.
    await sleep(5000);

    const timed = async (request: () => Promise<Response>) => {
      const before = performance.now();
      const response = await request();
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`status ${response.status}`);
      return performance.now() - before;
    };
    const invoke = () =>
      fetch(`${base}/_functions/order-events/invoke`, {
        method: 'POST',
        body: JSON.stringify({
          body: { orderId: 'o-1', customerId: 'c-1', total: 5 },
        }),
        signal: AbortSignal.timeout(30_000),
      });
    const series = async (request: () => Promise<Response>) => {
      for (let i = 0; i < 50; i++) await timed(request);
      const runs: number[] = [];
      for (let i = 0; i < options.requests; i++)
        runs.push(await timed(request));
      return withP95(runs);
    };
    const httpRequestMs = await series(() => get('/health'));
    const invokeMs = await series(invoke);

    const saves: number[] = [];
    const compiles: number[] = [];
    for (let edit = 1; edit <= options.edits; edit++) {
      const compiled = output.length;
      const saved = performance.now();
      writeFileSync(join(serviceDir, HEALTH), healthController(edit));
      await untilTrue(
        `GET /health with edit ${edit}`,
        60_000,
        async () =>
          ((await (await get('/health')).json()) as { edit?: number }).edit ===
          edit,
      );
      saves.push(performance.now() - saved);
      let report: RegExpExecArray | null = null;
      await untilTrue('the compile report', 60_000, async () => {
        report = /compiled in (\d+) ms; serving the new build/.exec(
          output.slice(compiled),
        );
        return report !== null;
      });
      compiles.push(Number(report![1]));
      // As between a person's edits: the server's standby workers load before the next save.
      await sleep(5000);
    }
    return {
      firstResponseMs,
      saveToResponseMs: sample(saves),
      compileMs: sample(compiles),
      httpRequestMs,
      invokeMs,
    };
  } finally {
    writeFileSync(join(serviceDir, HEALTH), original);
    child.kill('SIGINT');
    await Promise.race([exited, sleep(15_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
