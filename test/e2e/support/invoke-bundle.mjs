// Imports one Lambda bundle and invokes its handler once, as the Lambda runtime would.
// Usage: node invoke-bundle.mjs <bundle.mjs> <event.json> <result.json>
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile, resultFile] = process.argv.slice(2);
const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'function';
const deadline = Date.now() + 30_000;
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
  memoryLimitInMB: '1024',
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'e2e',
  getRemainingTimeInMillis: () => deadline - Date.now(),
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

const { handler } = await import(pathToFileURL(bundle).href);
if (typeof handler !== 'function')
  throw new Error(`${bundle} exports no handler function`);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const result = await handler(event, context);
writeFileSync(resultFile, JSON.stringify(result ?? null));
// The app stays cached between invocations in Lambda; here the process ends after one.
process.exit(0);
