import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';

export interface TerminalSession {
  /** Resolves once `text` has appeared on the screen since the last answer, then types `keys`. */
  answer(text: string, keys: string): Promise<void>;
  /** Resolves with the exit code and everything the program printed. */
  exit: Promise<{ code: number; output: string }>;
}

/**
 * Runs a command on a pseudo-terminal (util-linux `script`), so that it sees a TTY and prompts,
 * and answers each prompt only once it is on screen: typing ahead of a prompt would be lost.
 */
export function runInTerminal(command: string, cwd: string): TerminalSession {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  // The CLI never prompts in CI.
  delete env.CI;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env });
  let output = '';
  let seen = 0;
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    // Without colours and cursor movements, prompts match as the user reads them.
    output += stripVTControlCharacters(chunk.toString());
    waiters.splice(0).forEach((wake) => wake());
  });
  const exit = new Promise<{ code: number; output: string }>((resolve) => {
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });

  async function answer(text: string, keys: string): Promise<void> {
    while (!output.slice(seen).includes(text)) {
      await new Promise<void>((wake) => waiters.push(wake));
    }
    seen = output.length;
    child.stdin.write(keys);
  }
  return { answer, exit };
}
