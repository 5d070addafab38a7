// Maps the `Events` of a SAM function to plan triggers (Api, HttpApi, SQS, SNS, S3, Schedule,
// ScheduleV2, EventBridgeRule, CloudWatchEvent, DynamoDB, Kinesis). The implicit APIs SAM creates
// keep SAM's logical ids, `ServerlessRestApi` and `ServerlessHttpApi`.
import type { IntrinsicReader } from '../../plan/intrinsics.js';
import type { Finding, PlannedTrigger } from '../../plan/plan.js';
import { samRouteAuth } from './sam-auth.js';
import { eventBridgeTrigger, resourceRef } from '../event-parts.js';
import {
  asNumber,
  asRecord,
  asText,
  isValueExpr,
  type Raw,
} from '../../plan/values.js';

export interface SamEventContext {
  reader: IntrinsicReader;
  notMigrated: Finding[];
  where: string;
  /** The `Auth` of an API (logical id): its authorizers, and the default one. */
  apiAuth?: (api: string) => Raw;
}

export function samTriggers(
  events: unknown,
  context: SamEventContext,
): PlannedTrigger[] {
  const triggers: PlannedTrigger[] = [];
  for (const [name, event] of Object.entries(asRecord(events))) {
    const { Type: type, Properties: properties } = asRecord(event);
    const where = `${context.where}.Events.${name}`;
    const trigger = mapEvent(String(type), asRecord(properties), {
      ...context,
      where,
    });
    if (trigger) triggers.push(trigger);
    else {
      context.notMigrated.push({
        subject: `${String(type)} event ${name}`,
        detail:
          'this event source is not migrated; wire it in the construct by hand',
        where,
      });
    }
  }
  return triggers;
}

type EventMapper = (
  props: Raw,
  context: SamEventContext,
  type: string,
) => PlannedTrigger;

/** One mapper per SAM event type; a type not listed is reported, not migrated. */
const MAPPERS: Record<string, EventMapper> = {
  Api: apiEvent,
  HttpApi: apiEvent,
  SQS: sqsEvent,
  SNS: snsEvent,
  S3: s3Event,
  Schedule: scheduleEvent,
  ScheduleV2: scheduleEvent,
  EventBridgeRule: eventBridgeEvent,
  CloudWatchEvent: eventBridgeEvent,
  DynamoDB: streamEvent,
  Kinesis: streamEvent,
};

function mapEvent(
  type: string,
  props: Raw,
  context: SamEventContext,
): PlannedTrigger | undefined {
  return Object.hasOwn(MAPPERS, type)
    ? MAPPERS[type]?.(props, context, type)
    : undefined;
}

function batchSize(props: Raw): { batchSize?: number } {
  const size = asNumber(props.BatchSize);
  return size === undefined ? {} : { batchSize: size };
}

function reportsFailures(props: Raw): { reportBatchItemFailures?: true } {
  return [props.FunctionResponseTypes]
    .flat()
    .includes('ReportBatchItemFailures')
    ? { reportBatchItemFailures: true }
    : {};
}

function apiEvent(
  props: Raw,
  context: SamEventContext,
  type: string,
): PlannedTrigger {
  const apiKey = type === 'Api' ? 'RestApiId' : 'ApiId';
  const api =
    apiId(props[apiKey], context) ??
    (type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi');
  const method = asText(props.Method, 'ANY').toUpperCase();
  const path = asText(props.Path, type === 'HttpApi' ? '*' : '/');
  const auth = samRouteAuth(
    type === 'Api' ? 'Api' : 'HttpApi',
    asRecord(props.Auth),
    context.apiAuth?.(api) ?? {},
    { ...context, route: `${method} ${path}`, api },
  );
  const authorized = auth === undefined ? {} : { auth };
  return type === 'Api'
    ? { type: 'rest-api', method, path, api, ...authorized }
    : {
        type: 'http-api',
        method: method === '*' ? 'ANY' : method,
        path: path === '$default' ? '*' : path,
        api,
        ...authorized,
      };
}

function sqsEvent(props: Raw, context: SamEventContext): PlannedTrigger {
  const window = asNumber(props.MaximumBatchingWindowInSeconds);
  const concurrency = asNumber(
    asRecord(props.ScalingConfig).MaximumConcurrency,
  );
  return {
    type: 'sqs',
    queue: resourceRef(props.Queue, context),
    ...batchSize(props),
    ...(window === undefined ? {} : { maxBatchingWindow: window }),
    ...(concurrency === undefined ? {} : { maxConcurrency: concurrency }),
    ...reportsFailures(props),
  };
}

function snsEvent(props: Raw, context: SamEventContext): PlannedTrigger {
  const topic = resourceRef(props.Topic, context);
  return props.FilterPolicy === undefined
    ? { type: 'sns', topic }
    : { type: 'sns', topic, filterPolicy: props.FilterPolicy };
}

function s3Event(props: Raw, context: SamEventContext): PlannedTrigger {
  const rules = [asRecord(asRecord(props.Filter).S3Key).Rules]
    .flat()
    .map(asRecord);
  const rule = (name: string) =>
    rules.find((r) => String(r.Name).toLowerCase() === name)?.Value;
  const prefix = rule('prefix');
  const suffix = rule('suffix');
  return {
    type: 's3',
    bucket: resourceRef(props.Bucket, context),
    events: [props.Events].flat().map(String),
    ...(typeof prefix === 'string' ? { prefix } : {}),
    ...(typeof suffix === 'string' ? { suffix } : {}),
  };
}

function scheduleEvent(props: Raw): PlannedTrigger {
  const input = props.Input;
  return {
    type: 'schedule',
    expression: asText(props.Schedule ?? props.ScheduleExpression),
    enabled: props.Enabled !== false && props.State !== 'DISABLED',
    // SAM's Input is the JSON text of the event; the plan keeps the event itself.
    ...(typeof input === 'string'
      ? { input: JSON.parse(input) as unknown }
      : {}),
  };
}

function eventBridgeEvent(
  props: Raw,
  context: SamEventContext,
): PlannedTrigger {
  return eventBridgeTrigger(props.Pattern, props.EventBusName, context);
}

function streamEvent(
  props: Raw,
  context: SamEventContext,
  type: string,
): PlannedTrigger {
  return {
    type: type === 'DynamoDB' ? 'dynamodb-stream' : 'kinesis',
    stream: resourceRef(props.Stream, context),
    startingPosition:
      props.StartingPosition === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON',
    ...batchSize(props),
    ...reportsFailures(props),
  };
}

function apiId(value: unknown, context: SamEventContext): string | undefined {
  if (value === undefined) return undefined;
  const read = context.reader.read(value, context.where);
  return isValueExpr(read) && read.kind === 'resource'
    ? read.logicalId
    : undefined;
}
