import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** What a compile ended with. */
export interface CompileResult {
  readonly errors: number;
  /** The first error line tsc printed, for the one-line report. */
  readonly firstError?: string;
  /** From tsc noticing the change (or starting) to its report. */
  readonly ms: number;
}

/**
 * `tsc --watch` on the service's tsconfig.build.json: incremental, decorator metadata kept, and
 * with `--noEmitOnError`, so a failed compile leaves the last good build in dist/.
 */
export function watchCompile(
  root: string,
  onCompiled: (result: CompileResult) => void,
): ChildProcess {
  const tsc = createRequire(join(root, 'package.json')).resolve(
    'typescript/bin/tsc',
  );
  const child = spawn(
    process.execPath,
    [
      tsc,
      '-p',
      'tsconfig.build.json',
      '--watch',
      '--preserveWatchOutput',
      '--noEmitOnError',
      '--pretty',
      'false',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let firstError: string | undefined;
  let started = performance.now();
  let buffer = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (/Starting (incremental )?compilation/.test(line))
        started = performance.now();
      firstError ??= / error TS\d+:/.test(line) ? line.trim() : undefined;
      const done = /Found (\d+) errors?\. Watching for file changes/.exec(line);
      if (done) {
        onCompiled({
          errors: Number(done[1]),
          ms: Math.round(performance.now() - started),
          ...(firstError && { firstError }),
        });
        firstError = undefined;
      }
    }
  });
  return child;
}
