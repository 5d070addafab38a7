#!/usr/bin/env node
// nest-lambda-dev: `npm run start:dev` of a create-nest-lambda service.
import { parseArgs } from 'node:util';
import { startDevServer } from './start.js';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' } },
});
startDevServer({
  port: Number(values.port ?? process.env['PORT'] ?? 3000),
  compile: true,
});
