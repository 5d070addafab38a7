// The plan for a bare handler file: one function, whose trigger comes from `--type`, from the
// handler's event type or the fields it reads, or falls back to `invoke`. With no template to say
// which queue or table it used, the stack creates one of its own for the trigger.
import { basename, extname } from 'node:path';
import { resolveHandlerFile } from './handler-ref.js';
import { checkExport, isFile, readText } from './legacy-files.js';
import type {
  Finding,
  MigrateTrigger,
  MigrationPlan,
  PlannedResource,
  PlannedTrigger,
} from '../../plan/plan.js';
import { inferTrigger } from './trigger-inference.js';
import { toNameForms } from '../../../utils/names.js';
import {
  defaultFunctionName,
  isPrefixedDefault,
  prefixedNote,
} from '../../plan/function-names.js';

export interface HandlerSource {
  source: string;
  cwd: string;
  name?: string;
  type?: MigrateTrigger;
}

/** Export names that say nothing about the function: the file names it instead. */
const GENERIC_EXPORTS = new Set([
  'handler',
  'default',
  'main',
  'lambdaHandler',
]);

export function handlerPlan(options: HandlerSource): MigrationPlan {
  const handler = resolveHandlerFile(options.source, options.cwd, isFile);
  const info = checkExport(handler);
  const stem = basename(handler.file, extname(handler.file));
  const key = GENERIC_EXPORTS.has(handler.exportName)
    ? stem
    : handler.exportName;
  // `--name new` or, as for templates, `--name old=new`.
  const chosen = options.name?.split('=').at(-1)?.trim();
  const { name, className } = toNameForms(
    chosen ?? defaultFunctionName(key),
    'Function',
  );
  const notes: Finding[] = [];
  if (chosen === undefined && isPrefixedDefault(key, name)) {
    notes.push(prefixedNote(key, name, options.source));
  }
  let trigger = options.type;
  if (trigger === undefined) {
    const inferred = inferTrigger(
      handler.file,
      readText(handler.file) ?? '',
      info,
    );
    trigger = inferred?.trigger ?? 'invoke';
    notes.push({
      subject: `trigger of ${name}`,
      detail: inferred
        ? `inferred ${inferred.trigger} because ${inferred.evidence}; pass --type to choose another`
        : 'nothing in the handler says which event it receives, so it is invoked directly (invoke); pass --type to choose another',
      where: options.source,
    });
  }
  const { triggers, resources } = triggerFor(trigger, className);
  if (resources.length > 0) {
    notes.push({
      subject: resources.map((r) => r.logicalId).join(', '),
      detail: `the stack creates ${resources.length > 1 ? 'these' : 'this'} for the ${trigger} trigger; point the producers at it, or import the legacy one by ARN in the construct`,
      where: `infra/legacy/${name}.resources.ts`,
    });
  }
  return {
    sourceKind: 'handler',
    source: options.source,
    functions: [
      {
        name,
        sourceName: `${stem}#${handler.exportName}`,
        handler,
        environment: {},
        statements: [],
        triggers,
      },
    ],
    resources,
    notMigrated: [],
    notes,
  };
}

function triggerFor(
  trigger: MigrateTrigger,
  className: string,
): { triggers: PlannedTrigger[]; resources: PlannedResource[] } {
  const declared = (suffix: string) => ({
    kind: 'declared' as const,
    logicalId: `${className}${suffix}`,
  });
  const resource = (
    suffix: string,
    planned: { kind: PlannedResource['kind'] } & Record<string, unknown>,
  ) =>
    ({
      logicalId: `${className}${suffix}`,
      dropped: [],
      ...planned,
    }) as PlannedResource;
  switch (trigger) {
    case 'sqs':
      return {
        triggers: [{ type: 'sqs', queue: declared('Queue') }],
        resources: [resource('Queue', { kind: 'queue' })],
      };
    case 'sns':
      return {
        triggers: [{ type: 'sns', topic: declared('Topic') }],
        resources: [resource('Topic', { kind: 'topic' })],
      };
    case 's3':
      return {
        triggers: [
          {
            type: 's3',
            bucket: declared('Bucket'),
            events: ['s3:ObjectCreated:*'],
          },
        ],
        resources: [resource('Bucket', { kind: 'bucket' })],
      };
    case 'dynamodb-stream':
      return {
        triggers: [
          {
            type: 'dynamodb-stream',
            stream: declared('Table'),
            startingPosition: 'TRIM_HORIZON',
          },
        ],
        resources: [
          resource('Table', {
            kind: 'table',
            partitionKey: { name: 'id', type: 'STRING' },
            stream: 'NEW_AND_OLD_IMAGES',
            indexes: [],
          }),
        ],
      };
    case 'kinesis':
      return {
        triggers: [
          {
            type: 'kinesis',
            stream: declared('Stream'),
            startingPosition: 'TRIM_HORIZON',
          },
        ],
        resources: [resource('Stream', { kind: 'stream' })],
      };
    case 'schedule':
      return {
        triggers: [
          { type: 'schedule', expression: 'rate(1 hour)', enabled: true },
        ],
        resources: [],
      };
    case 'eventbridge':
      return {
        triggers: [
          { type: 'eventbridge', pattern: { 'detail-type': [className] } },
        ],
        resources: [],
      };
    case 'http-api':
      return {
        triggers: [
          {
            type: 'http-api',
            method: 'ANY',
            path: '*',
            api: `${className}HttpApi`,
          },
        ],
        resources: [],
      };
    case 'rest-api':
      return {
        triggers: [
          {
            type: 'rest-api',
            method: 'ANY',
            path: '/',
            api: `${className}RestApi`,
          },
          {
            type: 'rest-api',
            method: 'ANY',
            path: '/{proxy+}',
            api: `${className}RestApi`,
          },
        ],
        resources: [],
      };
    case 'invoke':
      return { triggers: [], resources: [] };
  }
}
