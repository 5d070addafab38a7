// One cold start: a fresh process imports the bundle and invokes it once, as Lambda's init and
// first invocation do. Usage: node cold-start.worker.js <bundle.mjs> <event.json> <function-name>
// Only node: built-ins are imported, so the worker adds nothing measurable to the process.
import { readFileSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type ColdStartReport, RESULT_FD } from './worker-protocol.js';

const bootMs = performance.now();
const [bundle, eventFile, functionName] = process.argv.slice(2) as [
  string,
  string,
  string,
];
const event: unknown = JSON.parse(readFileSync(eventFile, 'utf8'));
const deadline = Date.now() + 60_000;
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
  memoryLimitInMB: '1024',
  awsRequestId: '00000000-0000-4000-8000-000000000001',
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => deadline - Date.now(),
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

const started = performance.now();
const { handler } = (await import(pathToFileURL(bundle).href)) as {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};
const imported = performance.now();
const result = await handler(event, context);
const done = performance.now();
const cpu = process.cpuUsage();

const report: ColdStartReport & { result: unknown } = {
  bootMs,
  importMs: imported - started,
  firstInvokeMs: done - imported,
  cpuMs: (cpu.user + cpu.system) / 1000,
  result,
};
writeSync(RESULT_FD, `${JSON.stringify(report)}\n`);
// The app stays cached between invocations in Lambda; here the process ends after one.
process.exit(0);
