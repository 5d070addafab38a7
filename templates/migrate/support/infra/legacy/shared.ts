import { CfnParameter, Stack, Validations } from 'aws-cdk-lib';
import { Effect, type PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/**
 * One construct per stack under `id`, created by the first caller: resources that several legacy
 * functions shared (a table, a topic, an API) stay shared after migration, whichever function's
 * construct asks first. Written by `create-nest-lambda migrate`.
 */
export function shared<T extends IConstruct>(
  scope: IConstruct,
  id: string,
  create: (stack: Stack, id: string) => T,
): T {
  const stack = Stack.of(scope);
  return (stack.node.tryFindChild(id) as T | undefined) ?? create(stack, id);
}

/**
 * A CloudFormation parameter of the stack, for a value the migration could not know: pass it at
 * deploy time (`cdk deploy --parameters Name=value`), or replace the call with the value.
 */
export function parameter(
  scope: IConstruct,
  name: string,
  options: { default?: string; description: string },
): string {
  return shared(
    scope,
    name,
    (stack, id) => new CfnParameter(stack, id, { type: 'String', ...options }),
  ).valueAsString;
}

/**
 * Acknowledges the wildcards of IAM statements migrated unchanged, one cdk-nag finding
 * (AwsSolutions-IAM5) at a time: cdk-nag names each wildcard action and resource, resources in the
 * flattened form of its `flattenCfnReference`, and only an acknowledgement of that exact name
 * silences it. Statements without wildcards acknowledge nothing.
 */
export function acknowledgeLegacyWildcards(
  policy: IConstruct,
  statements: readonly PolicyStatement[],
  reason: string,
): void {
  const stack = Stack.of(policy);
  const ids = new Set<string>();
  for (const statement of statements) {
    if (statement.effect !== Effect.ALLOW) continue;
    for (const action of statement.actions) {
      if (action.includes('*')) ids.add(`AwsSolutions-IAM5[Action::${action}]`);
    }
    for (const resource of statement.resources) {
      const flat = flatten(stack.resolve(resource));
      if (flat.includes('*')) ids.add(`AwsSolutions-IAM5[Resource::${flat}]`);
    }
  }
  if (ids.size > 0) {
    Validations.of(policy).acknowledge(
      ...[...ids].map((id) => ({ id, reason })),
    );
  }
}

/** cdk-nag's flattening of a CloudFormation value: `{ Ref: X }` → `<X>`, GetAtt → `<X.Arn>`. */
function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string')
    return node.replace(/\$\{/g, '<').replace(/}/g, '>');
  const value = node as Record<string, unknown>;
  if (Array.isArray(value['Fn::Join'])) {
    const [delimiter, items] = value['Fn::Join'] as [string, unknown[]];
    return items.map(flatten).join(delimiter);
  }
  if (value['Fn::Sub'] !== undefined) return flatten(value['Fn::Sub']);
  if (Array.isArray(value['Fn::GetAtt'])) {
    const [resource, attribute] = value['Fn::GetAtt'] as [unknown, unknown];
    return `<${flatten(resource)}.${flatten(attribute)}>`;
  }
  if (value['Fn::ImportValue'] !== undefined)
    return flatten(value['Fn::ImportValue']);
  if (value.Ref !== undefined) return `<${flatten(value.Ref)}>`;
  return JSON.stringify(node);
}
