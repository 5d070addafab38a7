// Runs one function locally: `npm run invoke -- <function> [options]`.
//   --event <file>                 a whole event (default: test/events/<function>.json)
//   --method, --path, --header k:v an HTTP request, for HTTP functions (--header repeats)
//   --body <json or text>          the request body, or the message of a queue, topic or stream
// It imports the tsc output in dist/, not the sources, because that is what the Lambda bundle is
// made from: decorator metadata (and so constructor injection) comes from tsc. It compiles only
// when a source file is newer than the build.
import {
  eventBridgeEvent,
  functionUrlEvent,
  httpApiEvent,
  kinesisEvent,
  lambdaContext,
  restApiEvent,
  snsEvent,
  sqsEvent,
} from '@create-nest-lambda/runtime/testing';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

type LambdaEntry = {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};

const usage =
  'usage: npm run invoke -- <function> [--event <file>] [--method GET --path /x --header k:v] [--body <json>]';
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    event: { type: 'string', short: 'e' },
    method: { type: 'string' },
    path: { type: 'string' },
    header: { type: 'string', multiple: true },
    body: { type: 'string' },
  },
});
const [name] = positionals;
const sources = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(dir, file));
const available = sources('src/functions')
  .filter((file) => file.endsWith('.function.ts'))
  .map((file) => file.replace(/^.*[\\/]/, '').replace(/\.function\.ts$/, ''));

if (name === undefined || !available.includes(name)) {
  const problem =
    name === undefined ? 'no function named' : `no function "${name}"`;
  console.error(`Error: ${problem}; choose one of: ${available.join(', ')}.`);
  console.error(usage);
  process.exit(2);
}

const entryFile = resolve('dist/functions', `${name}.function.js`);
// tsc rewrites only the outputs that change: the build is as new as its newest file.
const built = existsSync(entryFile)
  ? Math.max(
      ...readdirSync('dist', { recursive: true, encoding: 'utf8' }).map(
        (file) => statSync(join('dist', file)).mtimeMs,
      ),
    )
  : 0;
if (sources('src').some((file) => statSync(file).mtimeMs > built)) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  // A save that changed nothing leaves the outputs as they were: stamp the build as new.
  writeFileSync('dist/.invoke-build', new Date().toISOString());
}

const source = readFileSync(`src/functions/${name}.function.ts`, 'utf8');
const trigger = /trigger:\s*'([a-z0-9-]+)'/.exec(source)?.[1] ?? 'invoke';
const event = await chooseEvent(trigger);
// As the function construct sets it on AWS: the logger labels every line with it.
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
};
process.env.POWERTOOLS_SERVICE_NAME ||= manifest.name;

const entry = (await import(pathToFileURL(entryFile).href)) as LambdaEntry;
const result = await entry.handler(event, lambdaContext(name));
// Functions of events that expect no answer (a schedule, S3, SNS, EventBridge) return nothing.
console.log(
  result === undefined
    ? `${name} returned nothing: it ran without error.`
    : JSON.stringify(result, null, 2),
);

async function chooseEvent(kind: string): Promise<unknown> {
  const { method, path, header = [], body: text } = values;
  const builds = [method, path, text].some((value) => value !== undefined);
  if (values.event !== undefined || !builds) {
    const eventFile = values.event ?? `test/events/${name}.json`;
    if (!existsSync(eventFile)) {
      console.error(
        `Error: event file "${eventFile}" not found; pass --event <file>.`,
      );
      process.exit(2);
    }
    return JSON.parse(readFileSync(eventFile, 'utf8')) as unknown;
  }
  const body = parseBody(text);
  const headers = Object.fromEntries(
    header.map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
  const request = { method, path, headers, body };
  switch (kind) {
    case 'http-api':
      return httpApiEvent(request);
    case 'rest-api':
      return restApiEvent(request);
    case 'function-url':
      return functionUrlEvent(request);
    case 'sqs':
    case 'sqs-fifo':
      return sqsEvent({ body, fifo: kind === 'sqs-fifo' });
    case 'sns':
      return snsEvent({ message: body });
    case 'kinesis':
      return kinesisEvent({ data: body });
    case 'eventbridge':
      return eventBridgeEvent({ detailType: 'Local Event', detail: body });
    default:
      return body;
  }
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
