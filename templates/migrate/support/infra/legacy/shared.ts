import { CfnParameter, Stack } from 'aws-cdk-lib';
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
