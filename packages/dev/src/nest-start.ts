// What `nest start [--watch]` runs (nest-cli.json's `entryFile` points here): the Nest CLI
// compiles, then starts this, and restarts it after each rebuild; so no tsc of our own.
import { startDevServer } from './start.js';

startDevServer({
  port: Number(
    /--port"?[= ]"?(\d+)/.exec(process.argv.join(' '))?.[1] ??
      process.env['PORT'] ??
      3000,
  ),
  compile: false,
});
