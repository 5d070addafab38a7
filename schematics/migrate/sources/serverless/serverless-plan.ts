// Reads a serverless.yml (Framework v3 and v4) into a migration plan: every Node.js function with
// its handler, triggers, memory, timeout, environment (provider- and function-level) and IAM
// statements, plus the resources they use; and a finding for everything left behind.
import {
  defaultFunctionName,
  functionNameFinding,
} from '../../plan/function-names.js';
import { IntrinsicReader } from '../../plan/intrinsics.js';
import { readStatements } from '../../plan/iam.js';
import type {
  Finding,
  LegacyHandlerRef,
  MigrationPlan,
  PlannedFunction,
  PolicyStatement,
} from '../../plan/plan.js';
import { readEnvironment, readNumber } from '../../plan/function-settings.js';
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

/** The state every function of one serverless.yml is read against. */
interface ServerlessContext {
  access: TemplateAccess;
  resolver: VariableResolver;
  reader: IntrinsicReader;
  provider: Raw;
  providerStatements: PolicyStatement[];
  templateResources: Raw;
  implicit: Map<string, ImplicitResource>;
  notMigrated: Finding[];
  notes: Finding[];
}

export function serverlessPlan(
  doc: Raw,
  access: TemplateAccess,
): MigrationPlan {
  const context = serverlessContext(doc, access);
  const functions: PlannedFunction[] = [];
  for (const [key, raw] of Object.entries(asRecord(doc.functions))) {
    if (access.include && !access.include(key, defaultFunctionName(key)))
      continue;
    const fn = planFunction(key, raw, context);
    if (fn !== undefined) functions.push(fn);
  }
  reportLeftBehind(doc, context);
  if (functions.length === 0 && access.include === undefined) {
    throw new Error(
      `${access.file} has no Node.js function to migrate; check its functions and their runtime`,
    );
  }
  const selection = selectResources(
    functions,
    context.templateResources,
    [...context.implicit.values()].map((r) => ({ ...r, dropped: [] })),
    access.file,
  );
  return {
    sourceKind: 'serverless',
    source: access.file,
    functions: selection.functions,
    resources: selection.resources,
    notMigrated: [
      ...context.notMigrated,
      ...context.resolver.findings,
      ...context.reader.findings,
      ...selection.notMigrated,
    ],
    notes: [...context.notes, ...context.resolver.notes],
  };
}

/** Resolves the stage, the params, the provider and the CloudFormation resources once. */
function serverlessContext(
  doc: Raw,
  access: TemplateAccess,
): ServerlessContext {
  const stage = stageOf(doc, access);
  const self = withProviderDefaults(doc, stage);
  const params = {
    ...asRecord(asRecord(doc.params).default),
    ...asRecord(asRecord(asRecord(doc.stages).default).params),
    ...asRecord(asRecord(doc.params)[stage]),
    ...asRecord(asRecord(asRecord(doc.stages)[stage]).params),
  };
  const newResolver = () =>
    new VariableResolver({
      self,
      stage,
      options: {},
      params,
      readFile: (p) => access.readData(p),
    });
  const resolver = newResolver();
  // The resources section is resolved apart, so its findings do not repeat in the report.
  const scratch = newResolver();
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
  const provider = asRecord(
    resolver.resolve(asRecord(doc.provider), `${access.file} provider`),
  );
  const providerStatements = readStatements(
    asRecord(asRecord(provider.iam).role).statements ??
      provider.iamRoleStatements,
    reader,
    `${access.file} provider.iam.role.statements`,
    notMigrated,
  );
  return {
    access,
    resolver,
    reader,
    provider,
    providerStatements,
    templateResources,
    implicit: new Map(),
    notMigrated,
    notes: [
      {
        subject: 'stage',
        detail: `variables were resolved for stage "${stage}"`,
        where: `${access.file} provider.stage`,
      },
      ...(asRecord(doc.provider).region === undefined &&
      JSON.stringify(doc).includes('provider.region')
        ? [
            {
              subject: 'region',
              detail:
                'provider.region is not set, so Serverless\'s default "us-east-1" stands where the file reads it',
              where: `${access.file} provider.region`,
            },
          ]
        : []),
    ],
  };
}

/** One function of `functions:`; undefined (and a finding) when it does not run Node.js. */
function planFunction(
  key: string,
  raw: unknown,
  context: ServerlessContext,
): PlannedFunction | undefined {
  const { access, provider, reader, notMigrated } = context;
  const where = `${access.file} functions.${key}`;
  const fn = asRecord(context.resolver.resolve(raw, where));
  const runtime = asText(fn.runtime ?? provider.runtime, 'nodejs');
  if (fn.image !== undefined || !runtime.startsWith('nodejs')) {
    notMigrated.push({
      subject: `function ${key}`,
      detail: `runs ${fn.image !== undefined ? 'a container image' : runtime}, not Node.js; it was skipped`,
      where,
    });
    return undefined;
  }
  if (fn.name !== undefined) notMigrated.push(functionNameFinding(key, where));
  for (const extra of Object.keys(fn).filter((k) => !FUNCTION_KEYS.has(k))) {
    notMigrated.push({
      subject: `functions.${key}.${extra}`,
      detail: 'is not migrated; set it on the construct by hand',
      where,
    });
  }
  const environment = readEnvironment(
    { ...asRecord(provider.environment), ...asRecord(fn.environment) },
    reader,
    `${where}.environment`,
  );
  // Serverless's defaults apply when neither level sets a value.
  const memorySize = readNumber(
    fn.memorySize ?? provider.memorySize ?? 1024,
    `${where}.memorySize`,
    notMigrated,
  );
  const timeout = readNumber(
    fn.timeout ?? provider.timeout ?? 6,
    `${where}.timeout`,
    notMigrated,
  );
  return {
    name: defaultFunctionName(key),
    sourceName: key,
    handler: access.resolveHandler(String(fn.handler), '.'),
    ...(memorySize === undefined ? {} : { memorySize }),
    ...(timeout === undefined ? {} : { timeout }),
    environment,
    statements: [
      ...context.providerStatements,
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
      implicit: context.implicit,
      httpAuthorizers: asRecord(asRecord(context.provider.httpApi).authorizers),
      where,
    }),
  };
}

/** Provider settings, an existing role, outputs and plugins: each a finding with where to look. */
function reportLeftBehind(doc: Raw, context: ServerlessContext): void {
  const { file } = context.access;
  const provider = asRecord(doc.provider);
  const left = (subject: string, detail: string, where = file) =>
    context.notMigrated.push({ subject, detail, where });
  for (const key of PROVIDER_REPORTED.filter(
    (k) => provider[k] !== undefined,
  )) {
    left(
      `provider.${key}`,
      'is not migrated; set it on the construct or the stack by hand',
    );
  }
  const role = asRecord(provider.iam).role;
  if (
    typeof role === 'string' ||
    asRecord(role).managedPolicies !== undefined
  ) {
    left(
      'provider.iam.role',
      'an existing role or managed policies are not migrated; grant them in the construct',
    );
  }
  for (const part of [doc.resources].flat()) {
    for (const output of Object.keys(asRecord(asRecord(part).Outputs))) {
      left(
        `output ${output}`,
        'is not migrated; add a CfnOutput to the stack if something reads it',
        `${file} resources.Outputs.${output}`,
      );
    }
  }
  for (const plugin of [doc.plugins].flat().filter((p) => p !== undefined)) {
    left(
      `plugin ${typeof plugin === 'string' ? plugin : JSON.stringify(plugin)}`,
      'is not migrated; redo what it does in the CDK stack or in Nest',
      `${file} plugins`,
    );
  }
}

/**
 * The document as Serverless reads it: `provider.stage` defaults to the stage (`dev`) and
 * `provider.region` to `us-east-1`, so `${self:provider.stage}` and `${opt:region,
 * self:provider.region}` resolve as they did when the legacy service deployed.
 */
function withProviderDefaults(doc: Raw, stage: string): Raw {
  const provider = asRecord(doc.provider);
  return {
    ...doc,
    provider: { ...provider, stage, region: provider.region ?? 'us-east-1' },
  };
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
