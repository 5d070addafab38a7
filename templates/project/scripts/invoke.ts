// Runs one function locally: `npm run invoke -- <function> [--event <file>]`.
// It imports the tsc output in dist/, not the sources, because that is what the Lambda bundle is
// made from: decorator metadata (and so constructor injection) comes from tsc.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { lambdaContext } from '@create-nest-lambda/runtime/testing';

type LambdaEntry = {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};

const usage = 'usage: npm run invoke -- <function> [--event <file>]';
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { event: { type: 'string', short: 'e' } },
});
const [name] = positionals;
const functionsDir = resolve('dist/functions');
const available = existsSync(functionsDir)
  ? readdirSync(functionsDir)
      .filter((file) => file.endsWith('.function.js'))
      .map((file) => file.replace(/\.function\.js$/, ''))
  : [];

if (name === undefined || !available.includes(name)) {
  const problem =
    name === undefined ? 'no function named' : `no function "${name}"`;
  console.error(
    `Error: ${problem}; choose one of: ${available.join(', ') || '(none built)'}.`,
  );
  console.error(usage);
  process.exit(2);
}

const eventFile = values.event ?? `test/events/${name}.json`;
if (!existsSync(eventFile)) {
  console.error(
    `Error: event file "${eventFile}" not found; pass --event <file>.`,
  );
  process.exit(2);
}

const event: unknown = JSON.parse(await readFile(eventFile, 'utf8'));
const entry = (await import(
  pathToFileURL(resolve(functionsDir, `${name}.function.js`)).href
)) as LambdaEntry;
const result = await entry.handler(event, lambdaContext(name));
console.log(JSON.stringify(result, null, 2));
