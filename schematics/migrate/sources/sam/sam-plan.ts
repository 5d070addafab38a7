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
  Value,
} from '../../plan/plan.js';
import { selectResources } from '../../plan/plan-resources.js';
import { samTriggers } from './sam-events.js';
import { samPolicies } from './sam-policies.js';
import {
  functionName,
  type TemplateAccess,
} from '../serverless/serverless-plan.js';
import { asRecord, asText, type Raw } from '../../plan/values.js';
import { toNameForms } from '../../../utils/names.js';

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

export function samPlan(template: Raw, access: TemplateAccess): MigrationPlan {
  const resources = asRecord(template.Resources);
  const parameters = Object.fromEntries(
    Object.entries(asRecord(template.Parameters)).map(([name, p]) => {
      const fallback = asRecord(p).Default;
      return [
        name,
        fallback === undefined ? {} : { default: asText(fallback) },
      ];
    }),
  );
  const reader = new IntrinsicReader({
    resources: new Set(Object.keys(resources)),
    parameters,
  });
  const globals = asRecord(asRecord(template.Globals).Function);
  const notMigrated: Finding[] = [];
  const functions: PlannedFunction[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    const type = String(asRecord(resource).Type);
    if (!FUNCTION_TYPES.has(type)) continue;
    if (access.include && !access.include(logicalId, functionName(logicalId)))
      continue;
    const own = asRecord(asRecord(resource).Properties);
    const props =
      type === 'AWS::Serverless::Function' ? withGlobals(globals, own) : own;
    const where = `${access.file} Resources.${logicalId}`;
    const runtime = asText(props.Runtime);
    const code = props.CodeUri ?? props.Code ?? '.';
    const skip =
      props.PackageType === 'Image'
        ? 'runs a container image, not Node.js'
        : !runtime.startsWith('nodejs')
          ? `runs ${runtime || 'an unknown runtime'}, not Node.js`
          : typeof code !== 'string'
            ? 'has no local code (it is in S3 or inline)'
            : undefined;
    if (skip !== undefined) {
      notMigrated.push({
        subject: `function ${logicalId}`,
        detail: `${skip}; it was skipped`,
        where,
      });
      continue;
    }
    for (const key of Object.keys(props).filter((k) => !HANDLED.has(k))) {
      notMigrated.push({
        subject: `${logicalId}.${key}`,
        detail: 'is not migrated; set it on the construct by hand',
        where,
      });
    }
    const environment: Record<string, Value> = {};
    for (const [name, value] of Object.entries(
      asRecord(asRecord(props.Environment).Variables),
    )) {
      const read = reader.read(value, `${where}.Environment.Variables.${name}`);
      if (read !== undefined) environment[name] = read;
    }
    const memorySize = numeric(
      props.MemorySize ?? 128, // Lambda's defaults, which SAM leaves in place
      `${where}.MemorySize`,
      notMigrated,
    );
    const timeout = numeric(
      props.Timeout ?? 3,
      `${where}.Timeout`,
      notMigrated,
    );
    functions.push({
      name: toNameForms(logicalId, 'Function').name,
      sourceName: logicalId,
      handler: access.resolveHandler(asText(props.Handler), asText(code, '.')),
      ...(memorySize === undefined ? {} : { memorySize }),
      ...(timeout === undefined ? {} : { timeout }),
      environment,
      statements: [
        ...samPolicies(props.Policies, reader, where, notMigrated),
        ...roleStatements(props.Role, resources, reader, where, notMigrated),
      ],
      triggers: samTriggers(props.Events, { reader, notMigrated, where }),
    });
  }
  for (const output of Object.keys(asRecord(template.Outputs))) {
    notMigrated.push({
      subject: `output ${output}`,
      detail:
        'is not migrated; add a CfnOutput to the stack if something reads it',
      where: `${access.file} Outputs.${output}`,
    });
  }
  for (const key of Object.keys(asRecord(template.Globals)).filter(
    (k) => k !== 'Function',
  )) {
    notMigrated.push({
      subject: `Globals.${key}`,
      detail: 'is not migrated; set it on the API in infra/legacy by hand',
      where: access.file,
    });
  }
  if (functions.length === 0 && access.include === undefined) {
    throw new Error(
      `${access.file} has no Node.js function to migrate; check its functions and their Runtime`,
    );
  }
  const selection = selectResources(functions, resources, [], access.file);
  const notes: Finding[] = Object.keys(parameters).map((name) => ({
    subject: `parameter ${name}`,
    detail:
      'is a CloudFormation parameter of the service stack where the migrated functions use it',
    where: `${access.file} Parameters.${name}`,
  }));
  return {
    sourceKind: 'sam',
    source: access.file,
    functions: selection.functions,
    resources: selection.resources,
    notMigrated: [...notMigrated, ...reader.findings, ...selection.notMigrated],
    notes,
  };
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

function numeric(
  value: unknown,
  where: string,
  notMigrated: Finding[],
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  notMigrated.push({
    subject: where.split('.').at(-1) ?? where,
    detail:
      'is not a number known when migrating; the construct uses its default',
    where,
  });
  return undefined;
}
