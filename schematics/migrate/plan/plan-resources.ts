// Decides which of the template's resources the service's stack recreates: those the migrated
// functions use (as triggers, in their environment or in their IAM statements) and that it knows
// how to create. References to any other resource become parameters, and every resource left
// behind is reported, custom resources by name, so nothing disappears silently.
import type {
  Finding,
  PlannedAuth,
  PlannedFunction,
  PlannedResource,
  Value,
} from './plan.js';
import { pointNamesAtRecreated } from './legacy-names.js';
import { mapResource } from './resources.js';
import {
  asText,
  isValueExpr,
  parameterName,
  referencedResources,
} from './values.js';

export interface ResourceSelection {
  functions: PlannedFunction[];
  resources: PlannedResource[];
  notMigrated: Finding[];
}

/** Types that belong to the legacy functions themselves, recreated by the migration in other ways. */
const FUNCTION_PARTS = new Set([
  'AWS::Serverless::Function',
  'AWS::Lambda::Function',
  'AWS::Lambda::Permission',
  'AWS::Lambda::EventSourceMapping',
  'AWS::IAM::Role',
]);

export function selectResources(
  functions: PlannedFunction[],
  templateResources: Record<string, unknown>,
  implicit: PlannedResource[],
  file: string,
): ResourceSelection {
  const wanted = new Set<string>();
  for (const fn of functions) {
    referencedResources([fn.environment, fn.statements], wanted);
    for (const trigger of fn.triggers) {
      referencedResources(trigger, wanted);
      for (const ref of Object.values(trigger) as unknown[]) {
        const declared = ref as { kind?: unknown; logicalId?: unknown } | null;
        if (
          declared?.kind === 'declared' &&
          typeof declared.logicalId === 'string'
        ) {
          wanted.add(declared.logicalId);
        }
      }
    }
  }
  const resources = new Map<string, PlannedResource>(
    implicit.map((r) => [r.logicalId, r]),
  );
  const queue = [...wanted];
  while (queue.length > 0) {
    const logicalId = queue.shift() as string;
    if (resources.has(logicalId)) continue;
    const planned = mapResource(logicalId, templateResources[logicalId]);
    if (planned === undefined) continue;
    resources.set(logicalId, planned);
    if (planned.kind === 'queue' && planned.deadLetter)
      queue.push(planned.deadLetter.logicalId);
  }
  const apis = new Set(
    functions.flatMap((fn) =>
      fn.triggers.flatMap((t) => ('api' in t ? [t.api] : [])),
    ),
  );
  const notMigrated: Finding[] = [];
  const replace = (value: Value, where: string): Value =>
    replaceMissing(value, resources, where, notMigrated);
  const replaced = functions.map((fn) => ({
    ...fn,
    environment: Object.fromEntries(
      Object.entries(fn.environment).map(([key, value]) => [
        key,
        replace(value, `${fn.sourceName} environment ${key}`),
      ]),
    ),
    statements: fn.statements.map((statement) => ({
      ...statement,
      resources: statement.resources.map((value) =>
        replace(value, `${fn.sourceName} IAM statement`),
      ),
    })),
    triggers: fn.triggers.map((trigger) =>
      'auth' in trigger && trigger.auth !== undefined
        ? {
            ...trigger,
            auth: replaceInAuth(trigger.auth, (value) =>
              replace(value, `${fn.sourceName} authorizer`),
            ),
          }
        : trigger,
    ),
  }));
  const named = pointNamesAtRecreated(replaced, [...resources.values()], file);
  notMigrated.push(...named.findings);
  const migrated = named.functions;
  for (const [logicalId, resource] of Object.entries(templateResources)) {
    const type = String((resource as { Type?: unknown } | null)?.Type);
    if (resources.has(logicalId) || FUNCTION_PARTS.has(type)) continue;
    if (type === 'AWS::Logs::LogGroup') {
      notMigrated.push(logGroupFinding(logicalId, resource, functions, file));
      continue;
    }
    const custom =
      type.startsWith('Custom::') ||
      type === 'AWS::CloudFormation::CustomResource';
    notMigrated.push({
      subject: `${custom ? 'custom resource' : 'resource'} ${logicalId} (${type})`,
      detail: apis.has(logicalId)
        ? 'is recreated as a plain API for the migrated routes; its settings (CORS, authorizers, domain, stage) are not migrated'
        : wanted.has(logicalId)
          ? 'is used by a migrated function but the migration cannot recreate this type; it became a parameter'
          : 'is not used by a migrated function; it stays in the legacy stack',
      where: `${file} Resources.${logicalId}`,
    });
  }
  return {
    functions: migrated,
    resources: [...resources.values()],
    notMigrated,
  };
}

function replaceMissing(
  value: Value,
  resources: Map<string, PlannedResource>,
  where: string,
  findings: Finding[],
): Value {
  if (!isValueExpr(value)) return value;
  if (value.kind === 'concat') {
    return {
      kind: 'concat',
      parts: value.parts.map((part) =>
        replaceMissing(part, resources, where, findings),
      ),
    };
  }
  if (value.kind !== 'resource' || resources.has(value.logicalId)) return value;
  const subject = value.attribute
    ? `${value.logicalId}.${value.attribute}`
    : value.logicalId;
  const name = parameterName(subject);
  findings.push({
    subject,
    detail: `became the CloudFormation parameter ${name}`,
    where,
  });
  return {
    kind: 'parameter',
    name,
    reason: `${value.logicalId} is not recreated by the migration`,
  };
}

/**
 * A log group is reported, never dropped silently: the one a migrated function wrote to (its
 * name refers to the function) keeps the legacy logs and retention, while the migrated function
 * writes to a new one that NestFunction creates, with a retention of one month.
 */
function logGroupFinding(
  logicalId: string,
  resource: unknown,
  functions: PlannedFunction[],
  file: string,
): Finding {
  const props = (resource as { Properties?: Record<string, unknown> } | null)
    ?.Properties;
  const named = JSON.stringify(props?.LogGroupName ?? '');
  const owner = functions.find((fn) =>
    new RegExp(`\\b${fn.sourceName}\\b`).test(named),
  );
  const days = asText(props?.RetentionInDays);
  const retention = days === '' ? '' : ` (RetentionInDays ${days})`;
  return {
    subject: `log group ${logicalId}${retention}`,
    detail:
      owner === undefined
        ? 'is not used by a migrated function; it stays in the legacy stack'
        : `is the log group of ${owner.sourceName}, not carried over: ${owner.name} writes to the new log group NestFunction creates (retention one month); set its retention there to keep the legacy one`,
    where: `${file} Resources.${logicalId}`,
  };
}

/** An authorizer whose values (issuer, audience, user pool) refer to recreated resources only. */
function replaceInAuth(
  auth: PlannedAuth,
  replace: (value: Value) => Value,
): PlannedAuth {
  switch (auth.kind) {
    case 'jwt':
      return {
        ...auth,
        issuer: replace(auth.issuer),
        audience: auth.audience.map(replace),
      };
    case 'cognito':
      return { ...auth, userPoolArn: replace(auth.userPoolArn) };
    case 'iam':
      return auth;
  }
}
