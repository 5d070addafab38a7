// What `nest start [--watch]` runs (nest-cli.json's `entryFile` points here): the Nest CLI
// compiles, then starts this, and restarts it after each rebuild; so no tsc of our own. The Nest
// CLI passes on what follows `--` (`nest start --watch -- --port 3001`), each argument JSON-quoted
// for its shell; without a shell the quotes arrive too.
import { readOptions, UsageError } from './options.js';
import { startDevServer } from './start.js';

try {
  startDevServer({
    ...readOptions(
      process.argv
        .slice(2)
        .map((arg) => (/^".*"$/.test(arg) ? (JSON.parse(arg) as string) : arg)),
      process.env,
      process.stdout.isTTY,
    ),
    compile: false,
  });
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`Error: ${error.message}\n`);
  process.exitCode = 2;
}
