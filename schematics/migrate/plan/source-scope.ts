// Names by source: a template's logical ids and parameter names are unique within the template
// only. Two SAM templates both have an implicit `ServerlessRestApi`, two serverless.yml files an
// `ApiGatewayRestApi` and a `Stage`; keyed by those names in one stack, they would merge into one
// API (whose sibling `{id}` and `{city}` path parameters a deploy rejects) and one parameter. So
// everything a template source adds to the stack is named with a prefix from its source.
import { basename, extname } from 'node:path';
import type { Expr, Finding, MigrationPlan } from './plan.js';
import { isValueExpr } from './values.js';

/** File names that say nothing about the source: the folder names it alone. */
const DEFAULT_STEMS = new Set(['template', 'serverless']);

/**
 * The prefix of a source's stack names, PascalCase: its folder (`orders-api/template.yaml` →
 * `OrdersApi`), and the file too when it is not the default name (`orders-api/admin.yaml` →
 * `OrdersApiAdmin`). A handler file has none: its APIs are named after its function already.
 */
export function scopePrefix(
  kind: MigrationPlan['sourceKind'],
  sourceDir: string,
  source: string,
): string {
  if (kind === 'handler') return '';
  const stem = basename(source, extname(source));
  const words = [
    ...(basename(sourceDir).match(/[A-Za-z0-9]+/g) ?? []),
    ...(DEFAULT_STEMS.has(stem.toLowerCase())
      ? []
      : (stem.match(/[A-Za-z0-9]+/g) ?? [])),
  ];
  const prefix = words
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  if (prefix === '') return 'Legacy';
  return /^[0-9]/.test(prefix) ? `P${prefix}` : prefix;
}

/**
 * The plan with every CloudFormation parameter named `<prefix><name>`, and the findings that name
 * a parameter saying so. Resource and API ids keep their logical ids in the plan: the resources
 * module prefixes the ids it creates them under.
 */
export function scopeParameters(
  plan: MigrationPlan,
  prefix: string,
): MigrationPlan {
  if (prefix === '') return plan;
  const finding = (f: Finding): Finding => ({
    ...f,
    detail: f.detail.replace(
      /CloudFormation parameter ([A-Z][A-Za-z0-9]*)/g,
      (_, name: string) => `CloudFormation parameter ${prefix}${name}`,
    ),
  });
  return {
    ...plan,
    functions: plan.functions.map((fn) => rename(fn, prefix)),
    resources: plan.resources.map((r) => rename(r, prefix)),
    notMigrated: plan.notMigrated.map(finding),
    notes: plan.notes.map(finding),
  };
}

/** A deep copy of `node` with every parameter expression renamed. */
function rename<T>(node: T, prefix: string): T {
  if (isValueExpr(node)) {
    const expr: Expr = node;
    if (expr.kind === 'parameter')
      return { ...expr, name: `${prefix}${expr.name}` } as T;
  }
  if (Array.isArray(node))
    return node.map((item: unknown) => rename(item, prefix)) as T;
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, rename(value, prefix)]),
    ) as T;
  }
  return node;
}
