// Runs a legacy handler the way the Lambda Node.js runtime would (see lambda-runtime-child.mjs) and
// runs an in-process invoker with the same event, so tests compare the two outcomes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { errorType: string; errorMessage: string } };

const child = fileURLToPath(
  new URL('./lambda-runtime-child.mjs', import.meta.url),
);

/** The answer Lambda would give for `file#exportName` and `event`, from a fresh process. */
export function runLikeLambda(
  file: string,
  exportName: string,
  event: unknown,
  options: {
    waitsForEmptyEventLoop?: boolean;
    env?: Record<string, string>;
    cwd?: string;
  } = {},
): Outcome {
  const typescript = /\.[cm]?ts$/.test(file) ? ['--import', 'tsx'] : [];
  const result = spawnSync(
    process.execPath,
    [
      ...typescript,
      child,
      file,
      exportName,
      String(options.waitsForEmptyEventLoop ?? true),
    ],
    {
      input: JSON.stringify(event),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      timeout: 60_000,
      env: { ...process.env, ...options.env },
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    },
  );
  if (result.status !== 0)
    throw new Error(`reference runtime failed: ${result.stderr}`);
  return JSON.parse(String(result.output[3])) as Outcome;
}

/** Turns an in-process answer into the same shape, as Lambda serialises it. */
export async function outcomeOf(answer: Promise<unknown>): Promise<Outcome> {
  try {
    const value = await answer;
    return {
      ok: true,
      value: JSON.parse(JSON.stringify(value) ?? 'null') as unknown,
    };
  } catch (error) {
    return {
      ok: false,
      error:
        error instanceof Error
          ? { errorType: error.name, errorMessage: error.message }
          : { errorType: typeof error, errorMessage: String(error) },
    };
  }
}
