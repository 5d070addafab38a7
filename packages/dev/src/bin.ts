#!/usr/bin/env node
// nest-lambda-dev: `npm run start:dev` of a create-nest-lambda service.
import { readOptions, UsageError } from './options.js';
import { startDevServer } from './start.js';

try {
  startDevServer({
    ...readOptions(process.argv.slice(2), process.env, process.stdout.isTTY),
    compile: true,
  });
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`Error: ${error.message}\n`);
  process.exitCode = 2;
}
