// A reference for how the Lambda Node.js runtime answers, used to check the migrate adapter
// against something other than itself. It follows aws-lambda-nodejs-runtime-interface-client
// (Runtime.js, CallbackContext.js, Errors.js) in a process of its own, so that "the event loop is
// empty" is real: `beforeExit` fires exactly when Lambda would post a deferred callback result.
// Usage: node lambda-runtime-child.mjs <module> <export> < event.json; writes one JSON outcome to
// file descriptor 3, so that whatever the handler logs on stdout cannot garble it.
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [file, exportName, waits = 'true'] = process.argv.slice(2);
let finished = false;
const post = (outcome) => {
  if (finished) return;
  finished = true;
  writeSync(3, JSON.stringify(outcome));
  process.exit(0);
};
const toRapidResponse = (error) =>
  error instanceof Error
    ? { errorType: error.name, errorMessage: error.message }
    : { errorType: typeof error, errorMessage: String(error) };
const complete = (value) =>
  post({ ok: true, value: JSON.parse(JSON.stringify(value) ?? 'null') });
const postError = (error) => post({ ok: false, error: toRapidResponse(error) });

let beforeExit = () => complete(null); // the runtime's default: nothing answered, so null
process.on('beforeExit', () => beforeExit());

async function load() {
  if (file.endsWith('.mjs')) return import(pathToFileURL(file).href);
  try {
    return createRequire(import.meta.url)(file);
  } catch (error) {
    if (
      error?.code !== 'ERR_REQUIRE_ESM' &&
      error?.code !== 'ERR_REQUIRE_ASYNC_MODULE'
    )
      throw error;
    return import(pathToFileURL(file).href);
  }
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const module = await load();
const handler =
  module[exportName] ?? (exportName === 'default' ? module : undefined);

const context = {
  callbackWaitsForEmptyEventLoop: waits === 'true',
  functionName: 'legacy',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:legacy',
  memoryLimitInMB: '128',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/legacy',
  logStreamName: '2026/01/01/[$LATEST]abc',
  getRemainingTimeInMillis: () => 30000,
  done: (error, value) => {
    beforeExit = () => {};
    if (error !== undefined && error !== null) postError(error);
    else complete(value);
  },
  succeed: (value) => context.done(null, value),
  fail: (error) => context.done(error ?? 'handled'),
};
const callback = (error, value) => {
  beforeExit = () => {};
  if (error !== undefined && error !== null) return postError(error);
  if (!context.callbackWaitsForEmptyEventLoop) return complete(value);
  beforeExit = () => setImmediate(() => complete(value));
};
try {
  const result = handler(event, context, callback);
  if (result && typeof result.then === 'function') {
    result.then(context.succeed, context.fail);
  }
} catch (error) {
  postError(error);
}
