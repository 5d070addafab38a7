// A dev server started as a user starts it (`npm run start:dev`, `npx nest start --watch`), in a
// process group of its own, so that the test can signal the whole group as Ctrl-C does and then
// check that nothing of it is left.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

// The e2e tests' dev servers take their port where the local registry takes its own.
export { freePort } from '../../../scripts/local-registry/free-port.js';

/** A running dev server command and what it printed. */
export interface DevProcess {
  readonly child: ChildProcess;
  /** stdout and stderr as printed so far. */
  output(): string;
  /**
   * The first match of `pattern` in the output printed after offset `from`; rejects after `ms`,
   * or when the process exits first.
   */
  waitFor(pattern: RegExp, ms: number, from?: number): Promise<RegExpExecArray>;
  /** Sends `signal` to the whole process group, as a terminal does on Ctrl-C. */
  signalGroup(signal: NodeJS.Signals): void;
  /** Resolves with the exit code when the process ends; rejects after `ms`. */
  exited(ms: number): Promise<number | null>;
}

/** Starts `command` in `cwd` as the leader of a new process group. */
export function startDevProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): DevProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: string) => (output += chunk);
  child.stdout!.setEncoding('utf8').on('data', append);
  child.stderr!.setEncoding('utf8').on('data', append);
  const ended = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    output: () => output,
    waitFor: (pattern, ms, from = 0) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + ms;
        const poll = () => {
          const match = pattern.exec(output.slice(from));
          if (match) return resolve(match);
          if (Date.now() > deadline || child.exitCode !== null)
            return reject(
              new Error(
                `no ${pattern} within ${ms} ms; the output:\n${output.slice(from)}`,
              ),
            );
          setTimeout(poll, 50);
        };
        poll();
      }),
    signalGroup: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // The group is already empty.
      }
    },
    exited: (ms) =>
      Promise.race([
        ended,
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error(`still running after ${ms} ms`)),
            ms,
          ).unref(),
        ),
      ]),
  };
}

/** The processes of group `pgid` that are still alive (zombies excluded), from /proc. */
export function groupMembers(pgid: number): string[] {
  const members: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    const [state, , pgrp] = stat.slice(close + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z')
      members.push(`${pid} ${stat.slice(stat.indexOf('(') + 1, close)}`);
  }
  return members;
}

/** Whether something listens on `port` of 127.0.0.1. */
export function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}
