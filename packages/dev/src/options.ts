import { parseArgs } from 'node:util';
import { LOG_FORMATS, type LogFormat } from './log-format.js';

/** What the command line and the environment ask of the dev server. */
export interface CommandOptions {
  readonly port: number;
  readonly logs: LogFormat;
}

/** A command line the server cannot run with; its message names the problem and the fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * `nest-lambda-dev [--port <n>] [--logs pretty|json]`, with `PORT` as the port's fallback and
 * pretty logs by default when stdout is a terminal.
 */
export function readOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  terminal: boolean,
): CommandOptions {
  let values: { port?: string; logs?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', short: 'p' },
        logs: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.split('\n')[0]}; the options are --port <n> and --logs pretty|json.`,
    );
  }
  const rawPort = values.port ?? env['PORT'] ?? '3000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535)
    throw new UsageError(
      `port "${rawPort}" (${values.port === undefined ? 'PORT' : '--port'}) is not a port number; use 0 to 65535, e.g. --port 3001.`,
    );
  const logs = values.logs ?? (terminal ? 'pretty' : 'json');
  if (!LOG_FORMATS.includes(logs as LogFormat))
    throw new UsageError(
      `--logs "${logs}" is not a log format; use --logs pretty or --logs json.`,
    );
  return { port, logs: logs as LogFormat };
}
