import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverExports } from '../../schematics/migrate/sources/handler/exports.js';
import { inferTrigger } from '../../schematics/migrate/sources/handler/trigger-inference.js';

const infer = (file: string, text: string, exportName = 'handler') => {
  const info = discoverExports(file, text).exports.get(exportName);
  if (!info) throw new Error(`no export ${exportName}`);
  return inferTrigger(file, text, info);
};

describe('inferTrigger from the declared event type', () => {
  it.each([
    ['SQSEvent', 'sqs'],
    ['SQSHandler', 'sqs'],
    ['SNSEvent', 'sns'],
    ['S3Event', 's3'],
    ['APIGatewayProxyEventV2', 'http-api'],
    ['APIGatewayProxyHandlerV2', 'http-api'],
    ['APIGatewayProxyEvent', 'rest-api'],
    ['APIGatewayProxyHandler', 'rest-api'],
    ['ScheduledEvent', 'schedule'],
    ['EventBridgeEvent<"x", unknown>', 'eventbridge'],
    ['DynamoDBStreamEvent', 'dynamodb-stream'],
    ['KinesisStreamHandler', 'kinesis'],
  ])('%s → %s', (type, trigger) => {
    const isHandlerType = type.includes('Handler');
    const text = isHandlerType
      ? `export const handler: ${type} = async (event) => {};`
      : `export const handler = async (event: ${type}) => {};`;
    expect(infer('h.ts', text)?.trigger).toBe(trigger);
  });

  it('says which type it read', () => {
    expect(
      infer('h.ts', 'export async function handler(e: SQSEvent) {}'),
    ).toEqual({
      trigger: 'sqs',
      evidence: 'its event type is SQSEvent',
    });
  });

  it('reads the fixture written in TypeScript', () => {
    const file = new URL(
      '../fixtures/legacy/handlers/typed.ts',
      import.meta.url,
    );
    expect(infer('typed.ts', readFileSync(file, 'utf8'))?.trigger).toBe('sqs');
  });
});

describe('inferTrigger from the fields read', () => {
  it.each([
    ['for (const r of event.Records) keys.push(r.s3.object.key);', 's3', '.s3'],
    ['return event.Records[0].Sns.Message;', 'sns', '.Sns'],
    [
      'return event.Records.map((r) => r.dynamodb.NewImage);',
      'dynamodb-stream',
      '.dynamodb',
    ],
    [
      "return Buffer.from(event.Records[0].kinesis.data, 'base64');",
      'kinesis',
      '.kinesis',
    ],
    [
      'return event.requestContext.http.method;',
      'http-api',
      '.requestContext and .http',
    ],
    [
      'return { statusCode: 200, body: event.rawPath };',
      'http-api',
      '.rawPath',
    ],
    ['return event.httpMethod;', 'rest-api', '.httpMethod'],
    [
      'return event.Records.map((r) => JSON.parse(r.body));',
      'sqs',
      '.Records and .body',
    ],
    ["return event['detail-type'];", 'eventbridge', '.detail-type'],
    ['const { detail } = event; return detail.id;', 'eventbridge', '.detail'],
  ])('%s → %s', (body, trigger, read) => {
    const text = `exports.handler = async (event) => { ${body} };`;
    expect(infer('h.js', text)).toEqual({
      trigger,
      evidence: `it reads ${read} from the event`,
    });
  });

  it("prefers the handler's own body to the rest of its file", () => {
    const text = [
      'const clients = { s3: null };',
      'function unrelated(x) { return clients.s3 || x.Sns; }',
      'exports.handler = async (event) => event.requestContext.http.path;',
    ].join('\n');
    expect(infer('h.js', text)?.trigger).toBe('http-api');
  });

  it('looks at the rest of the file when the handler delegates', () => {
    const text = [
      'function keys(event) { return event.Records.map((r) => r.s3.object.key); }',
      'exports.handler = async (event) => keys(event);',
    ].join('\n');
    expect(infer('h.js', text)?.trigger).toBe('s3');
  });

  it('finds nothing in a handler that reads no event field', () => {
    expect(infer('h.js', 'exports.handler = async () => 42;')).toBeUndefined();
  });
});
