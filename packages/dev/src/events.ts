import {
  albEvent,
  dynamoDbStreamEvent,
  eventBridgeEvent,
  functionUrlEvent,
  httpApiEvent,
  kinesisEvent,
  restApiEvent,
  s3Event,
  scheduleEvent,
  snsEvent,
  sqsEvent,
  type HttpRequestOptions,
} from '@create-nest-lambda/runtime/testing';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceFunction } from './service-functions.js';

/** Triggers whose functions the server serves over real HTTP. */
export const HTTP_TRIGGERS = new Set([
  'http-api',
  'rest-api',
  'function-url',
  'alb',
]);

/** The event of `fn`'s trigger for an HTTP request (its path already without the stage). */
export function httpEvent(
  fn: ServiceFunction,
  request: HttpRequestOptions,
): unknown {
  switch (fn.trigger) {
    case 'rest-api':
      return restApiEvent({ ...request, stage: fn.stage });
    case 'function-url':
      return functionUrlEvent(request);
    case 'alb':
      return albEvent(request);
    default:
      return httpApiEvent(request);
  }
}

/** A Node request as the kit's factories take it: repeated headers kept, the body as bytes or text. */
export function requestOptions(
  req: IncomingMessage,
  path: string,
  body: Buffer,
): HttpRequestOptions {
  const headers: Record<string, string[]> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    if (
      name === 'connection' ||
      name === 'keep-alive' ||
      name === 'transfer-encoding'
    )
      continue;
    (headers[name] ??= []).push(req.rawHeaders[i + 1]!);
  }
  const type = String(req.headers['content-type'] ?? '');
  const text =
    /^(text\/|application\/(json|x-www-form-urlencoded|xml|[\w.+-]*\+json))/.test(
      type,
    );
  return {
    method: req.method ?? 'GET',
    path,
    headers,
    body: body.length === 0 ? undefined : text ? body.toString('utf8') : body,
    sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
  };
}

interface HttpResult {
  statusCode?: number;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, (string | number | boolean)[]>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

/** Writes a handler's HTTP result (any of the four shapes) as the HTTP response. */
export function writeResult(res: ServerResponse, raw: unknown): number {
  const result: HttpResult =
    typeof raw === 'object' && raw !== null && 'statusCode' in raw
      ? (raw as HttpResult)
      : {
          statusCode: 200,
          body: typeof raw === 'string' ? raw : JSON.stringify(raw),
        };
  const status = result.statusCode ?? 200;
  // Header names are case-insensitive, and v1 results send each cookie under its own spelling of
  // `set-cookie` (`set-cookie`, `Set-cookie`, ...): merge by lower-case name, as API Gateway does,
  // so that no cookie overwrites another. Multi-value headers win over single ones of that name.
  const headers = new Map<string, string[]>();
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    const key = name.toLowerCase();
    const values = key === 'set-cookie' ? (headers.get(key) ?? []) : [];
    headers.set(key, [...values, String(value)]);
  }
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers.set(name.toLowerCase(), values.map(String));
  if (result.cookies?.length)
    headers.set('set-cookie', [
      ...(headers.get('set-cookie') ?? []),
      ...result.cookies,
    ]);
  for (const [name, values] of headers)
    res.setHeader(name, values.length === 1 ? values[0]! : values);
  res.statusCode = status;
  res.end(
    result.body === undefined
      ? undefined
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
  );
  return status;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// A full event is passed as is: it has the top-level key every event of its trigger has.
const FULL_EVENT_KEY: Record<string, string> = {
  'http-api': 'requestContext',
  'function-url': 'requestContext',
  'rest-api': 'requestContext',
  alb: 'requestContext',
  sqs: 'Records',
  'sqs-fifo': 'Records',
  sns: 'Records',
  s3: 'Records',
  'dynamodb-stream': 'Records',
  kinesis: 'Records',
  eventbridge: 'detail-type',
  schedule: 'detail-type',
};

/**
 * The event `POST /_functions/<name>/invoke` hands `fn`: a full event as is, or a short form
 * wrapped into a real event of its trigger (`{ body }` for SQS, `{ key }` for S3, `{ detail,
 * detailType }` for EventBridge, `{ keys, newImage, oldImage }` for DynamoDB, `{ payload }` for
 * Kinesis, `{ message }` for SNS, a request for HTTP triggers).
 */
export function invokeEvent(fn: ServiceFunction, input: unknown): unknown {
  const key = FULL_EVENT_KEY[fn.trigger];
  if (key === undefined || !isObject(input) || key in input) return input;
  switch (fn.trigger) {
    case 'sqs':
    case 'sqs-fifo':
      return sqsEvent({ ...input, fifo: fn.trigger === 'sqs-fifo' });
    case 'sns':
      return snsEvent(input);
    case 's3':
      return s3Event(input);
    case 'eventbridge':
      return eventBridgeEvent({
        detailType:
          [input['detailType'], input['detail-type']].find(
            (value): value is string => typeof value === 'string',
          ) ?? 'Local Event',
        detail: input['detail'] ?? {},
        ...(typeof input['source'] === 'string' && { source: input['source'] }),
      });
    case 'schedule':
      return scheduleEvent(input);
    case 'dynamodb-stream':
      return dynamoDbStreamEvent(
        'records' in input
          ? (input as unknown as Parameters<typeof dynamoDbStreamEvent>[0])
          : { keys: {}, ...input },
      );
    case 'kinesis':
      return kinesisEvent(
        'records' in input
          ? input
          : { ...input, data: input['payload'] ?? input['data'] },
      );
    default:
      return httpEvent(fn, input);
  }
}
