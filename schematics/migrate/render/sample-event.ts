// The sample event of a migrated function: an event file beside the source when there is one,
// else a real event of its trigger, aimed at the route the function declares (method, path and
// path parameters), so the equivalence test exercises the code the route runs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readText } from '../sources/handler/legacy-files.js';
import type { PlannedFunction, PlannedTrigger } from '../plan/plan.js';
import { TEMPLATES_ROOT } from '../../utils/render-templates.js';

export interface SampleEvent {
  /** The event's JSON text. */
  text: string;
  /** Where it came from, for the report. */
  from: string;
}

/**
 * `events/<key>.json` or `events/<name>.json` beside the source; else the first `events/*.json`
 * whose shape is an event of the function's trigger (an SQS function does not get an API event).
 */
export function sampleEvent(
  fn: PlannedFunction,
  dir: string,
  templatesRoot = TEMPLATES_ROOT,
): SampleEvent {
  const events = join(dir, 'events');
  const trigger = fn.triggers[0];
  const type = trigger?.type ?? 'invoke';
  for (const candidate of [fn.sourceName.replace(/#.*/, ''), fn.name]) {
    const text = readText(join(events, `${candidate}.json`));
    if (text !== undefined)
      return { text, from: `events/${candidate}.json of the source` };
  }
  for (const file of listJson(events)) {
    const text = readText(join(events, file)) ?? '';
    if (triggerOfEvent(text) === type)
      return { text, from: `events/${file} of the source` };
  }
  const text = readText(
    join(templatesRoot, 'migrate', 'events', `${type}.json`),
  );
  if (text === undefined)
    throw new Error(`create-nest-lambda has no sample event for ${type}`);
  return trigger === undefined
    ? { text, from: `a sample ${type} event` }
    : aimedAtRoute(trigger, text);
}

/** Which trigger an event file is an event of, by the fields every such event has. */
export function triggerOfEvent(text: string): string | undefined {
  let event: Json;
  try {
    event = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  if (typeof event !== 'object' || event === null) return 'invoke';
  const records = Array.isArray(event.Records) ? (event.Records as Json[]) : [];
  const source = records[0]?.eventSource ?? records[0]?.EventSource;
  const fromRecords: Record<string, string> = {
    'aws:sqs': 'sqs',
    'aws:sns': 'sns',
    'aws:s3': 's3',
    'aws:dynamodb': 'dynamodb-stream',
    'aws:kinesis': 'kinesis',
  };
  if (typeof source === 'string') return fromRecords[source] ?? 'invoke';
  if (event.version === '2.0' && typeof event.routeKey === 'string')
    return 'http-api';
  if (typeof event.httpMethod === 'string') return 'rest-api';
  if (event['detail-type'] === 'Scheduled Event') return 'schedule';
  if (typeof event['detail-type'] === 'string') return 'eventbridge';
  return 'invoke';
}

function listJson(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
}

type Json = Record<string, unknown>;

/** The sample HTTP event with the route's method, path and path parameters. */
function aimedAtRoute(trigger: PlannedTrigger, text: string): SampleEvent {
  if (
    (trigger.type !== 'http-api' && trigger.type !== 'rest-api') ||
    trigger.path === '*'
  )
    return { text, from: `a sample ${trigger.type} event` };
  const method = trigger.method === 'ANY' ? 'GET' : trigger.method;
  const parameters: Record<string, string> = {};
  const path = trigger.path.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => {
    parameters[name] = `sample-${name}`;
    return parameters[name];
  });
  const pathParameters =
    Object.keys(parameters).length === 0 ? null : parameters;
  const event = JSON.parse(text) as Json;
  const context = event.requestContext as Json;
  if (trigger.type === 'http-api') {
    const routeKey = `${method} ${trigger.path}`;
    Object.assign(event, { routeKey, rawPath: path, pathParameters });
    Object.assign(context, { routeKey });
    Object.assign(context.http as Json, { method, path });
  } else {
    Object.assign(event, {
      resource: trigger.path,
      path,
      httpMethod: method,
      pathParameters,
    });
    Object.assign(context, {
      resourcePath: trigger.path,
      httpMethod: method,
      path: `/${String(context.stage)}${path}`,
    });
  }
  return {
    text: `${JSON.stringify(event, null, 2)}\n`,
    from: `a sample ${trigger.type} event for ${method} ${trigger.path}`,
  };
}
