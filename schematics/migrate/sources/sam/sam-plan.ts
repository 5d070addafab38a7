// Reads a SAM or plain CloudFormation template into a migration plan: every Node.js function
// (`AWS::Serverless::Function` with `Globals.Function` applied, or `AWS::Lambda::Function` with
// local code) with its triggers, memory, timeout, environment and policies, plus the resources
// they use; and a finding for everything left behind.
import { IntrinsicReader } from '../../plan/intrinsics.js';
import { readStatements } from '../../plan/iam.js';
import type {
  Finding,
  MigrationPlan,
  PlannedFunction,
} from '../../plan/plan.js';
import { readEnvironment, readNumber } from '../../plan/function-settings.js';
import { selectResources } from '../../plan/plan-resources.js';
import { samTriggers } from './sam-events.js';
import { samPolicies } from './sam-policies.js';
import type { TemplateAccess } from '../serverless/serverless-plan.js';
import {
  asRecord,
  asText,
  parameterName,
  type Raw,
} from '../../plan/values.js';
import {
  defaultFunctionName,
  functionNameFinding,
} from '../../plan/function-names.js';

const HANDLED = new Set([
  'Handler',
  'CodeUri',
  'Code',
  'Runtime',
  'MemorySize',
  'Timeout',
  'Environment',
  'Policies',
  'Events',
  'Description',
  'FunctionName',
  'Role',
  'PackageType',
  'Metadata',
]);
const FUNCTION_TYPES = new Set([
  'AWS::Serverless::Function',
  'AWS::Lambda::Function',
]);

/** The state every function of one template is read against. */
interface SamContext {
  access: TemplateAccess;
  resources: Raw;
  globals: Raw;
  reader: IntrinsicReader;
  notMigrated: Finding[];
  apiAuth: (api: string) => Raw;
}

export function samPlan(template: Raw, access: TemplateAccess): MigrationPlan {
  const resources = asRecord(template.Resources);
  const parameters = parameterDefaults(template);
  const context: SamContext = {
    access,
    resources,
    globals: asRecord(asRecord(template.Globals).Function),
    reader: new IntrinsicReader({
      resources: new Set(Object.keys(resources)),
      parameters,
    }),
    notMigrated: [],
    apiAuth: (api) => apiAuth(template, api),
  };
  const functions: PlannedFunction[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!FUNCTION_TYPES.has(String(asRecord(resource).Type))) continue;
    if (
      access.include &&
      !access.include(logicalId, defaultFunctionName(logicalId))
    )
      continue;
    const fn = planFunction(logicalId, asRecord(resource), context);
    if (fn !== undefined) functions.push(fn);
  }
  reportLeftBehind(template, context);
  if (functions.length === 0 && access.include === undefined) {
    throw new Error(
      `${access.file} has no Node.js function to migrate; check its functions and their Runtime`,
    );
  }
  const selection = selectResources(functions, resources, [], access.file);
  return {
    sourceKind: 'sam',
    source: access.file,
    functions: selection.functions,
    resources: selection.resources,
    notMigrated: [
      ...context.notMigrated,
      ...context.reader.findings,
      ...selection.notMigrated,
    ],
    notes: Object.keys(parameters).map((name) => ({
      subject: `parameter ${name}`,
      detail: `is the CloudFormation parameter ${parameterName(name)} of the service stack where the migrated functions use it`,
      where: `${access.file} Parameters.${name}`,
    })),
  };
}

/**
 * The `Auth` of an API (its DefaultAuthorizer, Authorizers, ApiKeyRequired): its own, or for the
 * implicit `ServerlessRestApi` and `ServerlessHttpApi`, `Globals.Api.Auth` and `Globals.HttpApi.Auth`.
 */
function apiAuth(template: Raw, api: string): Raw {
  const implicit: Record<string, string> = {
    ServerlessRestApi: 'Api',
    ServerlessHttpApi: 'HttpApi',
  };
  const globalKey = implicit[api];
  return asRecord(
    globalKey === undefined
      ? asRecord(asRecord(asRecord(template.Resources)[api]).Properties).Auth
      : asRecord(asRecord(template.Globals)[globalKey]).Auth,
  );
}

function parameterDefaults(
  template: Raw,
): Record<string, { default?: string }> {
  return Object.fromEntries(
    Object.entries(asRecord(template.Parameters)).map(([name, p]) => {
      const fallback = asRecord(p).Default;
      return [
        name,
        fallback === undefined ? {} : { default: asText(fallback) },
      ];
    }),
  );
}

/** Why a function cannot migrate (an image, another runtime, code not on disk), if it cannot. */
function skipReason(props: Raw): string | undefined {
  const runtime = asText(props.Runtime);
  if (props.PackageType === 'Image')
    return 'runs a container image, not Node.js';
  if (!runtime.startsWith('nodejs'))
    return `runs ${runtime || 'an unknown runtime'}, not Node.js`;
  if (typeof (props.CodeUri ?? props.Code ?? '.') !== 'string')
    return 'has no local code (it is in S3 or inline)';
  return undefined;
}

/** One function resource; undefined (and a finding) when it cannot migrate. */
function planFunction(
  logicalId: string,
  resource: Raw,
  context: SamContext,
): PlannedFunction | undefined {
  const { access, reader, notMigrated } = context;
  const own = asRecord(resource.Properties);
  const props =
    resource.Type === 'AWS::Serverless::Function'
      ? withGlobals(context.globals, own)
      : own;
  const where = `${access.file} Resources.${logicalId}`;
  const skip = skipReason(props);
  if (skip !== undefined) {
    notMigrated.push({
      subject: `function ${logicalId}`,
      detail: `${skip}; it was skipped`,
      where,
    });
    return undefined;
  }
  if (props.FunctionName !== undefined)
    notMigrated.push(functionNameFinding(logicalId, where));
  for (const key of Object.keys(props).filter((k) => !HANDLED.has(k))) {
    notMigrated.push({
      subject: `${logicalId}.${key}`,
      detail: 'is not migrated; set it on the construct by hand',
      where,
    });
  }
  // Lambda's defaults, which SAM leaves in place.
  const memorySize = readNumber(
    props.MemorySize ?? 128,
    `${where}.MemorySize`,
    notMigrated,
  );
  const timeout = readNumber(
    props.Timeout ?? 3,
    `${where}.Timeout`,
    notMigrated,
  );
  const code = asText(props.CodeUri ?? props.Code, '.');
  return {
    name: defaultFunctionName(logicalId),
    sourceName: logicalId,
    handler: access.resolveHandler(asText(props.Handler), code),
    ...(memorySize === undefined ? {} : { memorySize }),
    ...(timeout === undefined ? {} : { timeout }),
    environment: readEnvironment(
      asRecord(asRecord(props.Environment).Variables),
      reader,
      `${where}.Environment.Variables`,
    ),
    statements: [
      ...samPolicies(props.Policies, reader, where, notMigrated),
      ...roleStatements(
        props.Role,
        context.resources,
        reader,
        where,
        notMigrated,
      ),
    ],
    triggers: samTriggers(props.Events, {
      reader,
      notMigrated,
      where,
      apiAuth: context.apiAuth,
    }),
  };
}

/** Outputs and Globals other than Function: each a finding with where to look. */
function reportLeftBehind(template: Raw, context: SamContext): void {
  const { file } = context.access;
  for (const output of Object.keys(asRecord(template.Outputs))) {
    context.notMigrated.push({
      subject: `output ${output}`,
      detail:
        'is not migrated; add a CfnOutput to the stack if something reads it',
      where: `${file} Outputs.${output}`,
    });
  }
  for (const key of Object.keys(asRecord(template.Globals)).filter(
    (k) => k !== 'Function',
  )) {
    context.notMigrated.push({
      subject: `Globals.${key}`,
      detail: 'is not migrated; set it on the API in infra/legacy by hand',
      where: file,
    });
  }
}

/** SAM's merge: the function's own properties win; maps (`Environment.Variables`) merge by key. */
function withGlobals(globals: Raw, own: Raw): Raw {
  const merged: Raw = { ...globals, ...own };
  const variables = {
    ...asRecord(asRecord(globals.Environment).Variables),
    ...asRecord(asRecord(own.Environment).Variables),
  };
  if (Object.keys(variables).length > 0)
    merged.Environment = { Variables: variables };
  return merged;
}

/** Inline policies of the role an `AWS::Lambda::Function` names with `!GetAtt Role.Arn`. */
function roleStatements(
  role: unknown,
  resources: Raw,
  reader: IntrinsicReader,
  where: string,
  notMigrated: Finding[],
) {
  if (role === undefined) return [];
  const [roleId] = [asRecord(role)['Fn::GetAtt']].flat();
  const roleResource =
    typeof roleId === 'string' ? asRecord(resources[roleId]) : {};
  if (roleResource.Type !== 'AWS::IAM::Role') {
    notMigrated.push({
      subject: 'Role',
      detail:
        'names a role outside the template; grant its permissions in the construct',
      where,
    });
    return [];
  }
  const props = asRecord(roleResource.Properties);
  if (props.ManagedPolicyArns !== undefined) {
    notMigrated.push({
      subject: `${String(roleId)}.ManagedPolicyArns`,
      detail: 'managed policies are not migrated; add them to the role',
      where,
    });
  }
  return [props.Policies]
    .flat()
    .flatMap((policy, i) =>
      readStatements(
        asRecord(asRecord(policy).PolicyDocument).Statement,
        reader,
        `${String(roleId)}.Policies[${i}]`,
        notMigrated,
      ),
    );
}
