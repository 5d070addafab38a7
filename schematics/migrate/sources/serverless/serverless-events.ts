// Maps the `events` of a serverless.yml function (already variable-resolved) to plan triggers.
// Serverless creates some resources from an event alone (`sns: topicName`, `s3: bucketName`);
// those become declared resources with the logical ids Serverless gives them, so the stack
// recreates them as Serverless would have.
import type { Finding, PlannedTrigger, ResourceRef } from '../../plan/plan.js';
import type { IntrinsicReader } from '../../plan/intrinsics.js';
import { serverlessRouteAuth } from './serverless-auth.js';
import { eventBridgeTrigger, resourceRef } from '../event-parts.js';
import { asNumber, asRecord, asText, type Raw } from '../../plan/values.js';

export interface ImplicitResource {
  logicalId: string;
  kind: 'topic' | 'bucket';
  /** The bucket or topic name the event gives, which Serverless created the resource with. */
  legacyName: string;
}

export interface EventContext {
  reader: IntrinsicReader;
  notMigrated: Finding[];
  implicit: Map<string, ImplicitResource>;
  /** `provider.httpApi.authorizers`: the authorizers httpApi events name. */
  httpAuthorizers: Raw;
  where: string;
}

/** Serverless's `normalizeNameToAlphaNumericOnly`: `photos-bucket` → `PhotosDashbucket`. */
export function serverlessNormalizedName(name: string): string {
  const replaced = name
    .replace(/-/g, 'Dash')
    .replace(/_/g, 'Underscore')
    .replace(/[^A-Za-z0-9]/g, '');
  return replaced.charAt(0).toUpperCase() + replaced.slice(1);
}

export function serverlessTriggers(
  events: unknown,
  context: EventContext,
): PlannedTrigger[] {
  const triggers: PlannedTrigger[] = [];
  for (const [index, event] of (Array.isArray(events)
    ? events
    : []
  ).entries()) {
    const [type, raw] = Object.entries(asRecord(event))[0] ?? [];
    const where = `${context.where}.events[${index}]`;
    const trigger =
      type === undefined
        ? undefined
        : mapEvent(type, raw, { ...context, where });
    if (trigger) triggers.push(trigger);
    else {
      context.notMigrated.push({
        subject: `${type ?? 'unknown'} event`,
        detail:
          'this event source is not migrated; wire it in the construct by hand',
        where,
      });
    }
  }
  return triggers;
}

const reportsFailures = (props: Raw) =>
  props.functionResponseType === 'ReportBatchItemFailures'
    ? { reportBatchItemFailures: true }
    : {};

type EventMapper = (
  raw: unknown,
  props: Raw,
  context: EventContext,
  type: string,
) => PlannedTrigger | undefined;

/** One mapper per Serverless event type; a type not listed is reported, not migrated. */
const MAPPERS: Record<string, EventMapper> = {
  http: httpEvent,
  httpApi: httpEvent,
  sqs: sqsEvent,
  sns: snsEvent,
  s3: s3Event,
  schedule: scheduleEvent,
  eventBridge: eventBridgeEvent,
  stream: streamEvent,
};

function mapEvent(
  type: string,
  raw: unknown,
  context: EventContext,
): PlannedTrigger | undefined {
  return Object.hasOwn(MAPPERS, type)
    ? MAPPERS[type]?.(raw, asRecord(raw), context, type)
    : undefined;
}

function httpEvent(
  raw: unknown,
  props: Raw,
  context: EventContext,
  type: string,
): PlannedTrigger {
  const [method, path] =
    typeof raw === 'string'
      ? splitRoute(raw)
      : [asText(props.method, 'ANY'), asText(props.path, '/')];
  const route = {
    method: method.toUpperCase() === '*' ? 'ANY' : method.toUpperCase(),
    path: leadingSlash(path),
  };
  const auth = serverlessRouteAuth(
    type === 'httpApi' ? 'httpApi' : 'http',
    props,
    {
      ...context,
      route: `${route.method} ${route.path}`,
    },
  );
  for (const setting of Object.keys(props).filter(
    (key) =>
      key !== 'method' &&
      key !== 'path' &&
      !(key === 'authorizer' && auth !== undefined),
  )) {
    context.notMigrated.push({
      subject: `${type} ${setting}`,
      detail: `the route's ${setting} setting is not migrated; set it on the API in infra/legacy by hand`,
      where: context.where,
    });
  }
  const authorized = auth === undefined ? {} : { auth };
  return type === 'httpApi'
    ? { type: 'http-api', ...route, api: 'HttpApi', ...authorized }
    : { type: 'rest-api', ...route, api: 'ApiGatewayRestApi', ...authorized };
}

function sqsEvent(
  raw: unknown,
  props: Raw,
  context: EventContext,
): PlannedTrigger {
  const queue = resourceRef(typeof raw === 'string' ? raw : props.arn, context);
  const batchSize = asNumber(props.batchSize);
  const maxBatchingWindow = asNumber(props.maximumBatchingWindow);
  const maxConcurrency = asNumber(props.maximumConcurrency);
  return {
    type: 'sqs',
    queue,
    ...(batchSize === undefined ? {} : { batchSize }),
    ...(maxBatchingWindow === undefined ? {} : { maxBatchingWindow }),
    ...(maxConcurrency === undefined ? {} : { maxConcurrency }),
    ...reportsFailures(props),
  };
}

function snsEvent(
  raw: unknown,
  props: Raw,
  context: EventContext,
): PlannedTrigger {
  const arn = typeof raw === 'string' ? raw : props.arn;
  const name = typeof raw === 'string' ? raw : props.topicName;
  const topic =
    arn !== undefined && (typeof arn !== 'string' || arn.startsWith('arn:'))
      ? resourceRef(arn, context)
      : implicit('SNSTopic', String(name), 'topic', context);
  return props.filterPolicy === undefined
    ? { type: 'sns', topic }
    : { type: 'sns', topic, filterPolicy: props.filterPolicy };
}

function s3Event(
  raw: unknown,
  props: Raw,
  context: EventContext,
): PlannedTrigger {
  const bucketName = String(typeof raw === 'string' ? raw : props.bucket);
  const bucket: ResourceRef =
    props.existing === true
      ? { kind: 'arn', arn: `arn:aws:s3:::${bucketName}` }
      : implicit('S3Bucket', bucketName, 'bucket', context);
  const rules = Array.isArray(props.rules) ? props.rules.map(asRecord) : [];
  const prefix = rules.find((rule) => 'prefix' in rule)?.prefix;
  const suffix = rules.find((rule) => 'suffix' in rule)?.suffix;
  return {
    type: 's3',
    bucket,
    events: [asText(props.event, 's3:ObjectCreated:*')],
    ...(typeof prefix === 'string' ? { prefix } : {}),
    ...(typeof suffix === 'string' ? { suffix } : {}),
  };
}

function scheduleEvent(
  raw: unknown,
  props: Raw,
  context: EventContext,
): PlannedTrigger {
  const rates = typeof raw === 'string' ? [raw] : [props.rate].flat();
  const expression = asText(rates[0]);
  if (rates.length > 1) {
    context.notMigrated.push({
      subject: 'schedule rates',
      detail: `only the first of ${rates.length} rates (${expression}) is wired`,
      where: context.where,
    });
  }
  return {
    type: 'schedule',
    expression,
    enabled: props.enabled !== false,
    ...(props.input === undefined ? {} : { input: props.input }),
  };
}

function eventBridgeEvent(
  _raw: unknown,
  props: Raw,
  context: EventContext,
): PlannedTrigger {
  if (props.schedule !== undefined) {
    return {
      type: 'schedule',
      expression: asText(props.schedule),
      enabled: props.enabled !== false,
    };
  }
  return eventBridgeTrigger(props.pattern, props.eventBus, context);
}

function streamEvent(
  raw: unknown,
  props: Raw,
  context: EventContext,
): PlannedTrigger {
  const arn = typeof raw === 'string' ? raw : props.arn;
  const kind =
    props.type === 'kinesis' ||
    (typeof arn === 'string' && arn.includes(':kinesis:'))
      ? 'kinesis'
      : 'dynamodb-stream';
  // Serverless sets 10 when batchSize is left out; CDK's own default would be 100.
  const batchSize = asNumber(props.batchSize) ?? 10;
  return {
    type: kind,
    stream: resourceRef(arn, context),
    startingPosition:
      props.startingPosition === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON',
    batchSize,
    ...reportsFailures(props),
  };
}

function splitRoute(route: string): [string, string] {
  if (route.trim() === '*') return ['ANY', '*'];
  const [method = 'ANY', ...path] = route.trim().split(/\s+/);
  return [method, path.join(' ') || '/'];
}

function leadingSlash(path: string): string {
  return path === '*' || path.startsWith('/') ? path : `/${path}`;
}

function implicit(
  prefix: string,
  name: string,
  kind: 'topic' | 'bucket',
  context: EventContext,
): ResourceRef {
  const logicalId = `${prefix}${serverlessNormalizedName(name)}`;
  context.implicit.set(logicalId, { logicalId, kind, legacyName: name });
  return { kind: 'declared', logicalId };
}
