// Guesses the trigger of a bare handler, which has no template to say it: first from the event type
// it declares (`SQSEvent`, `SNSHandler`, JSDoc included), then from the event fields it reads
// (`.s3`, `.Sns`, `requestContext.http`, ...), first in the handler's own body, then in its file.
// The caller reports the evidence, and falls back to `invoke` when there is none.
import ts from 'typescript';
import type { ExportInfo } from './exports.js';
import type { MigrateTrigger } from '../../plan/plan.js';
import { parseModule } from './exports.js';

export interface Inference {
  trigger: MigrateTrigger;
  evidence: string;
}

/** Type names from @types/aws-lambda, by the prefix they share (`SQSEvent`, `SQSHandler`, ...). */
const TYPE_PREFIXES: [RegExp, MigrateTrigger][] = [
  [/^SQS(Event|Handler)$/, 'sqs'],
  [/^SNS(Event|Handler)$/, 'sns'],
  [/^S3(Event|Handler)$/, 's3'],
  [
    /^APIGatewayProxy(EventV2|HandlerV2|ResultV2)|^APIGatewayProxyEventV2WithJWTAuthorizer$/,
    'http-api',
  ],
  [/^APIGateway(ProxyEvent|ProxyHandler|Event)$/, 'rest-api'],
  [/^Scheduled(Event|Handler)$/, 'schedule'],
  [/^EventBridge(Event|Handler)$/, 'eventbridge'],
  [/^DynamoDBStream(Event|Handler)$/, 'dynamodb-stream'],
  [/^KinesisStream(Event|Handler)$/, 'kinesis'],
];

/** Field reads that only one event source has, most specific first. */
const FIELD_RULES: {
  trigger: MigrateTrigger;
  fields: string[];
  all?: boolean;
}[] = [
  { trigger: 's3', fields: ['s3'] },
  { trigger: 'sns', fields: ['Sns'] },
  { trigger: 'dynamodb-stream', fields: ['dynamodb'] },
  { trigger: 'kinesis', fields: ['kinesis'] },
  { trigger: 'http-api', fields: ['rawPath', 'routeKey'] },
  { trigger: 'http-api', fields: ['requestContext', 'http'], all: true },
  { trigger: 'rest-api', fields: ['httpMethod'] },
  { trigger: 'sqs', fields: ['receiptHandle'] },
  { trigger: 'sqs', fields: ['Records', 'body'], all: true },
  { trigger: 'eventbridge', fields: ['detail-type'] },
  { trigger: 'eventbridge', fields: ['detail'] },
];

export function inferFromType(info: ExportInfo): Inference | undefined {
  const type = info.eventType;
  if (type === undefined) return undefined;
  const match = TYPE_PREFIXES.find(([pattern]) => pattern.test(type));
  return match && { trigger: match[1], evidence: `its event type is ${type}` };
}

export function inferFromFields(
  file: string,
  text: string,
  info: ExportInfo,
): Inference | undefined {
  const source = parseModule(file, text);
  const all = fieldsRead(source, undefined);
  const own = info.range ? fieldsRead(source, info.range) : all;
  return matchFields(own) ?? matchFields(all);
}

export function inferTrigger(
  file: string,
  text: string,
  info: ExportInfo,
): Inference | undefined {
  return inferFromType(info) ?? inferFromFields(file, text, info);
}

function matchFields(fields: Set<string>): Inference | undefined {
  for (const rule of FIELD_RULES) {
    const hit = rule.all
      ? rule.fields.every((field) => fields.has(field))
      : rule.fields.some((field) => fields.has(field));
    if (hit) {
      const read = rule.fields
        .filter((field) => fields.has(field))
        .map((field) => `.${field}`);
      return {
        trigger: rule.trigger,
        evidence: `it reads ${read.join(' and ')} from the event`,
      };
    }
  }
  return undefined;
}

/** Names read with `x.name` or `x['name']` inside `range` (or the whole file). */
function fieldsRead(
  source: ts.SourceFile,
  range: [number, number] | undefined,
): Set<string> {
  const fields = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (range && (node.end < range[0] || node.pos > range[1])) return;
    const inside =
      !range || (node.getStart() >= range[0] && node.end <= range[1]);
    if (inside && ts.isPropertyAccessExpression(node))
      fields.add(node.name.text);
    if (
      inside &&
      ts.isElementAccessExpression(node) &&
      ts.isStringLiteralLike(node.argumentExpression)
    ) {
      fields.add(node.argumentExpression.text);
    }
    if (inside && ts.isObjectBindingPattern(node)) {
      for (const element of node.elements) {
        const name = element.propertyName ?? element.name;
        if (ts.isIdentifier(name) || ts.isStringLiteral(name))
          fields.add(name.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return fields;
}
