// Maps the `Events` of a SAM function to plan triggers (Api, HttpApi, SQS, SNS, S3, Schedule,
// ScheduleV2, EventBridgeRule, CloudWatchEvent, DynamoDB, Kinesis). The implicit APIs SAM creates
// keep SAM's logical ids, `ServerlessRestApi` and `ServerlessHttpApi`.
import type { IntrinsicReader } from '../../plan/intrinsics.js';
import type {
  Finding,
  PlannedTrigger,
  ResourceRef,
  Value,
} from '../../plan/plan.js';
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

function mapEvent(
  type: string,
  props: Raw,
  context: SamEventContext,
): PlannedTrigger | undefined {
  const batch = (key: string) => {
    const size = asNumber(props[key]);
    return size === undefined ? {} : { batchSize: size };
  };
  const reportsFailures = [props.FunctionResponseTypes]
    .flat()
    .includes('ReportBatchItemFailures')
    ? { reportBatchItemFailures: true }
    : {};
  switch (type) {
    case 'Api':
    case 'HttpApi': {
      const apiKey = type === 'Api' ? 'RestApiId' : 'ApiId';
      const api =
        apiId(props[apiKey], context) ??
        (type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi');
      const method = asText(props.Method, 'ANY').toUpperCase();
      const path = asText(props.Path, type === 'HttpApi' ? '*' : '/');
      return type === 'Api'
        ? {
            type: 'rest-api',
            method: method === 'ANY' ? 'ANY' : method,
            path,
            api,
          }
        : {
            type: 'http-api',
            method: method === '*' ? 'ANY' : method,
            path: path === '$default' ? '*' : path,
            api,
          };
    }
    case 'SQS': {
      const window = asNumber(props.MaximumBatchingWindowInSeconds);
      return {
        type: 'sqs',
        queue: ref(props.Queue, context),
        ...batch('BatchSize'),
        ...(window === undefined ? {} : { maxBatchingWindow: window }),
        ...reportsFailures,
      };
    }
    case 'SNS':
      return props.FilterPolicy === undefined
        ? { type: 'sns', topic: ref(props.Topic, context) }
        : {
            type: 'sns',
            topic: ref(props.Topic, context),
            filterPolicy: props.FilterPolicy,
          };
    case 'S3': {
      const rules = [asRecord(asRecord(props.Filter).S3Key).Rules]
        .flat()
        .map(asRecord);
      const rule = (name: string) =>
        rules.find((r) => String(r.Name).toLowerCase() === name)?.Value;
      const prefix = rule('prefix');
      const suffix = rule('suffix');
      return {
        type: 's3',
        bucket: ref(props.Bucket, context),
        events: [props.Events].flat().map(String),
        ...(typeof prefix === 'string' ? { prefix } : {}),
        ...(typeof suffix === 'string' ? { suffix } : {}),
      };
    }
    case 'Schedule':
    case 'ScheduleV2': {
      const expression = String(
        asText(props.Schedule ?? props.ScheduleExpression),
      );
      const input = props.Input;
      return {
        type: 'schedule',
        expression,
        enabled: props.Enabled !== false && props.State !== 'DISABLED',
        // SAM's Input is the JSON text of the event; the plan keeps the event itself.
        ...(typeof input === 'string'
          ? { input: JSON.parse(input) as unknown }
          : {}),
      };
    }
    case 'EventBridgeRule':
    case 'CloudWatchEvent': {
      const bus =
        props.EventBusName === undefined
          ? undefined
          : context.reader.read(props.EventBusName, context.where);
      return bus === undefined
        ? { type: 'eventbridge', pattern: props.Pattern ?? {} }
        : { type: 'eventbridge', pattern: props.Pattern ?? {}, eventBus: bus };
    }
    case 'DynamoDB':
    case 'Kinesis':
      return {
        type: type === 'DynamoDB' ? 'dynamodb-stream' : 'kinesis',
        stream: ref(props.Stream, context),
        startingPosition:
          props.StartingPosition === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON',
        ...batch('BatchSize'),
        ...reportsFailures,
      };
    default:
      return undefined;
  }
}

function apiId(value: unknown, context: SamEventContext): string | undefined {
  if (value === undefined) return undefined;
  const read = context.reader.read(value, context.where);
  return isValueExpr(read) && read.kind === 'resource'
    ? read.logicalId
    : undefined;
}

function ref(value: unknown, context: SamEventContext): ResourceRef {
  const read: Value = context.reader.read(value, context.where) ?? '';
  if (isValueExpr(read) && read.kind === 'resource') {
    return { kind: 'declared', logicalId: read.logicalId };
  }
  return { kind: 'arn', arn: read };
}
