import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { LAMBDA_RUNTIME } from '../service/generate-service.js';
import { RESULT_FD } from './worker-protocol.js';

export interface WorkerRun<T> {
  readonly report: T;
  /** ms from just before spawn() to the arrival of the report: the whole process's cold path. */
  readonly ms: number;
}

export interface WorkerOptions {
  /** The Node.js binary to run; this process's by default. */
  readonly node?: string;
  readonly nodeArgs?: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly timeoutMs: number;
}

const KEEP = 16_384;

/**
 * Runs `node <nodeArgs> <script> <args>` and resolves with the JSON line it writes on fd 3.
 * stdout and stderr are drained (the functions may log) and only their tails are kept, for errors.
 */
export function runWorker<T>(
  script: string,
  args: readonly string[],
  options: WorkerOptions,
): Promise<WorkerRun<T>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      options.node ?? process.execPath,
      [...(options.nodeArgs ?? []), script, ...args],
      {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let line = '';
    let arrived: number | undefined;
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-KEEP);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    (child.stdio[RESULT_FD] as Readable).on('data', (chunk: Buffer) => {
      line += chunk.toString();
      if (arrived === undefined && line.includes('\n'))
        arrived = performance.now();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (arrived === undefined) {
        const why =
          signal === 'SIGKILL'
            ? `timed out after ${options.timeoutMs} ms`
            : `exited ${code}`;
        reject(
          new Error(
            `${script} ${args[0] ?? ''} ${why} with no result\n${output.trimEnd()}`,
          ),
        );
        return;
      }
      resolve({ report: JSON.parse(line) as T, ms: arrived - started });
    });
  });
}

/** The environment Lambda gives a function (plus PATH), and what the construct sets. */
export function lambdaEnvironment(functionName: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    AWS_LAMBDA_LOG_FORMAT: 'JSON',
    AWS_EXECUTION_ENV: `AWS_Lambda_${LAMBDA_RUNTIME}`,
  };
}
