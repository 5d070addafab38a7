// Reads a serverless.yml (Framework v3 and v4) into a migration plan: every Node.js function with
// its handler, triggers, memory, timeout, environment (provider- and function-level) and IAM
// statements, plus the resources they use; and a finding for everything left behind.
import { toNameForms } from '../../../utils/names.js';
import { IntrinsicReader } from '../../plan/intrinsics.js';
import { readStatements } from '../../plan/iam.js';
import type {
  Finding,
  LegacyHandlerRef,
  MigrationPlan,
  PlannedFunction,
  PlannedResource,
  Value,
} from '../../plan/plan.js';
import { selectResources } from '../../plan/plan-resources.js';
import {
  serverlessTriggers,
  type ImplicitResource,
} from './serverless-events.js';
import { asRecord, asText, type Raw } from '../../plan/values.js';
import { VariableResolver } from './variables.js';

export interface TemplateAccess {
  /** The template as the user named it, for the report. */
  file: string;
  /** Resolves a handler string of the template (relative to its folder); throws when missing. */
  resolveHandler(reference: string, codeDir: string): LegacyHandlerRef;
  /** Parsed YAML/JSON of a file relative to the template's folder, or undefined. */
  readData(path: string): unknown;
  /** Whether to migrate the function of this key (logical id) and project name; all by default. */
  include?(key: string, name: string): boolean;
}

const FUNCTION_KEYS = new Set([
  'handler',
  'name',
  'description',
  'runtime',
  'memorySize',
  'timeout',
  'environment',
  'events',
  'iamRoleStatements',
  'iamRoleStatementsInherit',
  'iamRoleStatementsName',
  'package',
]);
const PROVIDER_REPORTED = [
  'layers',
  'vpc',
  'tracing',
  'logRetentionInDays',
  'httpApi',
  'apiGateway',
  'architecture',
  'tags',
  'kmsKeyArn',
];

export function serverlessPlan(
  doc: Raw,
  access: TemplateAccess,
): MigrationPlan {
  const provider = asRecord(doc.provider);
  const stage = stageOf(doc, access);
  const params = {
    ...asRecord(asRecord(doc.params).default),
    ...asRecord(asRecord(asRecord(doc.stages).default).params),
    ...asRecord(asRecord(doc.params)[stage]),
    ...asRecord(asRecord(asRecord(doc.stages)[stage]).params),
  };
  const resolver = new VariableResolver({
    self: doc,
    stage,
    options: {},
    params,
    readFile: (p) => access.readData(p),
  });
  const scratch = new VariableResolver({
    self: doc,
    stage,
    options: {},
    params,
    readFile: (p) => access.readData(p),
  });
  const templateResources = Object.assign(
    {},
    ...[doc.resources]
      .flat()
      .map((part) =>
        asRecord(asRecord(scratch.resolve(part, 'resources')).Resources),
      ),
  ) as Raw;
  const reader = new IntrinsicReader({
    resources: new Set(Object.keys(templateResources)),
    parameters: {},
  });
  const notMigrated: Finding[] = [];
  const notes: Finding[] = [
    {
      subject: 'stage',
      detail: `variables were resolved for stage "${stage}"`,
      where: `${access.file} provider.stage`,
    },
  ];
  const resolvedProvider = asRecord(
    resolver.resolve(provider, `${access.file} provider`),
  );
  const providerStatements = readStatements(
    asRecord(asRecord(resolvedProvider.iam).role).statements ??
      resolvedProvider.iamRoleStatements,
    reader,
    `${access.file} provider.iam.role.statements`,
    notMigrated,
  );
  const implicit = new Map<string, ImplicitResource>();
  const functions: PlannedFunction[] = [];
  for (const [key, rawFunction] of Object.entries(asRecord(doc.functions))) {
    if (access.include && !access.include(key, functionName(key))) continue;
    const where = `${access.file} functions.${key}`;
    const fn = asRecord(
      resolver.resolve(rawFunction, `${access.file} functions.${key}`),
    );
    const runtime = asText(fn.runtime ?? resolvedProvider.runtime, 'nodejs');
    if (fn.image !== undefined || !runtime.startsWith('nodejs')) {
      notMigrated.push({
        subject: `function ${key}`,
        detail: `runs ${fn.image !== undefined ? 'a container image' : runtime}, not Node.js; it was skipped`,
        where,
      });
      continue;
    }
    for (const extra of Object.keys(fn).filter((k) => !FUNCTION_KEYS.has(k))) {
      notMigrated.push({
        subject: `functions.${key}.${extra}`,
        detail: 'is not migrated; set it on the construct by hand',
        where,
      });
    }
    const environment: Record<string, Value> = {};
    for (const [name, value] of Object.entries({
      ...asRecord(resolvedProvider.environment),
      ...asRecord(fn.environment),
    })) {
      const read = reader.read(value, `${where}.environment.${name}`);
      if (read !== undefined) environment[name] = read;
    }
    const memorySize = numberOr(
      // Serverless's defaults apply when neither level sets a value.
      fn.memorySize ?? resolvedProvider.memorySize ?? 1024,
      `${where}.memorySize`,
      notMigrated,
    );
    const timeout = numberOr(
      fn.timeout ?? resolvedProvider.timeout ?? 6,
      `${where}.timeout`,
      notMigrated,
    );
    functions.push({
      name: toNameForms(key, 'Function').name,
      sourceName: key,
      handler: access.resolveHandler(String(fn.handler), '.'),
      ...(memorySize === undefined ? {} : { memorySize }),
      ...(timeout === undefined ? {} : { timeout }),
      environment,
      statements: [
        ...providerStatements,
        ...readStatements(
          fn.iamRoleStatements,
          reader,
          `${where}.iamRoleStatements`,
          notMigrated,
        ),
      ],
      triggers: serverlessTriggers(fn.events, {
        reader,
        notMigrated,
        implicit,
        where,
      }),
    });
  }
  for (const key of PROVIDER_REPORTED.filter(
    (k) => provider[k] !== undefined,
  )) {
    notMigrated.push({
      subject: `provider.${key}`,
      detail: 'is not migrated; set it on the construct or the stack by hand',
      where: access.file,
    });
  }
  if (
    typeof asRecord(provider.iam).role === 'string' ||
    asRecord(asRecord(provider.iam).role).managedPolicies !== undefined
  ) {
    notMigrated.push({
      subject: 'provider.iam.role',
      detail:
        'an existing role or managed policies are not migrated; grant them in the construct',
      where: access.file,
    });
  }
  for (const part of [doc.resources].flat()) {
    for (const output of Object.keys(asRecord(asRecord(part).Outputs))) {
      notMigrated.push({
        subject: `output ${output}`,
        detail:
          'is not migrated; add a CfnOutput to the stack if something reads it',
        where: `${access.file} resources.Outputs.${output}`,
      });
    }
  }
  for (const plugin of [doc.plugins].flat().filter((p) => p !== undefined)) {
    notMigrated.push({
      subject: `plugin ${typeof plugin === 'string' ? plugin : JSON.stringify(plugin)}`,
      detail: 'is not migrated; redo what it does in the CDK stack or in Nest',
      where: `${access.file} plugins`,
    });
  }
  if (functions.length === 0 && access.include === undefined) {
    throw new Error(
      `${access.file} has no Node.js function to migrate; check its functions and their runtime`,
    );
  }
  const implicitResources: PlannedResource[] = [...implicit.values()].map(
    (r) => ({ ...r, dropped: [] }),
  );
  const selection = selectResources(
    functions,
    templateResources,
    implicitResources,
    access.file,
  );
  return {
    sourceKind: 'serverless',
    source: access.file,
    functions: selection.functions,
    resources: selection.resources,
    notMigrated: [
      ...notMigrated,
      ...resolver.findings,
      ...reader.findings,
      ...selection.notMigrated,
    ],
    notes: [...notes, ...resolver.notes],
  };
}

/** The project name of a function key; the key itself when it is no valid name (refused later). */
export function functionName(key: string): string {
  try {
    return toNameForms(key, 'Function').name;
  } catch {
    return key;
  }
}

function stageOf(doc: Raw, access: TemplateAccess): string {
  const probe = new VariableResolver({
    self: doc,
    stage: 'dev',
    options: {},
    params: {},
    readFile: (p) => access.readData(p),
  });
  const stage = probe.resolve(
    asRecord(doc.provider).stage ?? 'dev',
    'provider.stage',
  );
  return typeof stage === 'string' && stage !== '' ? stage : 'dev';
}

function numberOr(
  value: unknown,
  where: string,
  notMigrated: Finding[],
): number | undefined {
  if (value === undefined) return undefined;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number(value)
        : Number.NaN;
  if (Number.isFinite(number)) return number;
  notMigrated.push({
    subject: where.split('.').at(-1) ?? where,
    detail:
      'is not a number known when migrating; the construct uses its default',
    where,
  });
  return undefined;
}
