// The stack creates new queues, topics, buckets and tables, named by CloudFormation: the legacy
// stack still owns the old names. Where a migrated function's IAM statements or environment name
// a recreated resource by its old literal name (`arn:aws:s3:::photos/*`, `BUCKET: photos`), the
// function would be granted, and would call, the legacy resource while its trigger is the new
// one. Those names are pointed at the recreated resource, and the report says which.
import type {
  Expr,
  Finding,
  PlannedFunction,
  PlannedResource,
  Value,
} from './plan.js';
import { concatValues, isValueExpr } from './values.js';

/** The attribute of each kind that is its name, as `Fn::GetAtt` (or Ref) reads it. */
const NAME_ATTRIBUTE: Record<PlannedResource['kind'], string | undefined> = {
  queue: 'QueueName',
  topic: 'TopicName',
  bucket: undefined,
  table: undefined,
  stream: undefined,
};

/**
 * What precedes a resource's name in its ARN: a name is replaced there only, so that a queue and a
 * table both named `orders-dev` each get their own. (Pseudo parameters read as `*` here.)
 */
const ARN_BEFORE_NAME: Record<PlannedResource['kind'], RegExp> = {
  bucket: /:s3:::$/,
  queue: /:sqs:[^:]*:[^:]*:$/,
  topic: /:sns:[^:]*:[^:]*:$/,
  table: /:dynamodb:[^:]*:[^:]*:table\/$/,
  stream: /:kinesis:[^:]*:[^:]*:stream\/$/,
};

export interface NamedResult {
  functions: PlannedFunction[];
  findings: Finding[];
}

/**
 * The functions with the old names of recreated resources replaced, in ARNs of IAM statements and
 * in environment values that are exactly the name (when no other resource has that name), and one
 * finding per name.
 */
export function pointNamesAtRecreated(
  functions: PlannedFunction[],
  resources: PlannedResource[],
  file: string,
): NamedResult {
  const findings: Finding[] = [];
  const names = resources.map((r) => r.legacyName);
  let current = functions;
  for (const resource of resources) {
    const name = resource.legacyName;
    if (name === undefined || name === '') continue;
    const users = new Set<string>();
    const attribute = NAME_ATTRIBUTE[resource.kind];
    const ref: Expr = {
      kind: 'resource',
      logicalId: resource.logicalId,
      ...(attribute === undefined ? {} : { attribute }),
    };
    const unique = names.filter((n) => n === name).length === 1;
    current = current.map((fn) => {
      const noted = (before: Value, after: Value): Value => {
        if (JSON.stringify(after) !== JSON.stringify(before))
          users.add(fn.name);
        return after;
      };
      return {
        ...fn,
        environment: Object.fromEntries(
          Object.entries(fn.environment).map(([key, value]) => [
            key,
            unique && value === name ? noted(value, ref) : value,
          ]),
        ),
        statements: fn.statements.map((statement) => ({
          ...statement,
          resources: statement.resources.map((value) =>
            noted(
              value,
              replaceInArn(value, name, ref, ARN_BEFORE_NAME[resource.kind]),
            ),
          ),
        })),
      };
    });
    findings.push({
      subject: `name ${name} of ${resource.logicalId} (${resource.kind})`,
      detail:
        users.size === 0
          ? 'is not carried over: the legacy stack keeps that name, the new resource gets a generated one'
          : `is not carried over: the legacy stack keeps that name; the IAM statements and environment of ${[...users].join(', ')} that named it now name the new ${resource.kind}`,
      where: `${file} ${resource.logicalId}`,
    });
  }
  return { functions: current, findings };
}

/** `value` with `name` as `ref` where it stands as a whole ARN segment after `before`. */
function replaceInArn(
  value: Value,
  name: string,
  ref: Expr,
  before: RegExp,
): Value {
  const parts = isValueExpr(value)
    ? value.kind === 'concat'
      ? value.parts
      : [value]
    : [value];
  const out: Value[] = [];
  let text = '';
  for (const part of parts) {
    if (typeof part !== 'string') {
      out.push(part);
      text += '*';
      continue;
    }
    let rest = part;
    for (
      let at = findSegment(rest, name, text, before);
      at >= 0;
      at = findSegment(rest, name, text, before)
    ) {
      out.push(rest.slice(0, at), ref);
      text += `${rest.slice(0, at)}${name}`;
      rest = rest.slice(at + name.length);
    }
    out.push(rest);
    text += rest;
  }
  const result = concatValues(out);
  return JSON.stringify(result) === JSON.stringify(concatValues(parts))
    ? value
    : result;
}

/** Where `name` stands whole (then `/`, `*` or the end) right after text matching `before`. */
function findSegment(
  rest: string,
  name: string,
  preceding: string,
  before: RegExp,
): number {
  for (let at = rest.indexOf(name); at >= 0; at = rest.indexOf(name, at + 1)) {
    const after = rest[at + name.length];
    if (
      before.test(preceding + rest.slice(0, at)) &&
      (after === undefined || after === '/' || after === '*')
    )
      return at;
  }
  return -1;
}
