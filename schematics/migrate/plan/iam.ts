// Reads IAM policy statements (serverless.yml `iam.role.statements`, SAM inline `Statement`s) into
// plan statements. A statement whose meaning would change if parts were dropped (`NotAction`,
// `NotResource`, `Condition`, `Principal`) is not migrated at all, and reported: a narrower or
// wider grant than the legacy one is worse than none.
import type { Finding, PolicyStatement, Value } from './plan.js';
import type { IntrinsicReader } from './intrinsics.js';

const UNSUPPORTED_KEYS = [
  'NotAction',
  'NotResource',
  'Condition',
  'Principal',
  'NotPrincipal',
];

export function readStatements(
  raw: unknown,
  reader: IntrinsicReader,
  where: string,
  notMigrated: Finding[],
): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  for (const [index, item] of (Array.isArray(raw)
    ? raw
    : raw === undefined
      ? []
      : [raw]
  ).entries()) {
    const at = `${where}[${index}]`;
    if (typeof item !== 'object' || item === null) continue;
    const statement = item as Record<string, unknown>;
    const unsupported = UNSUPPORTED_KEYS.filter((key) => key in statement);
    const effect = statement.Effect === 'Deny' ? 'Deny' : 'Allow';
    const actions = [statement.Action]
      .flat()
      .filter((action): action is string => typeof action === 'string');
    const resources = [statement.Resource]
      .flat()
      .filter((resource) => resource !== undefined)
      .map((resource, i) => reader.read(resource, `${at}.Resource[${i}]`))
      .filter((resource): resource is Value => resource !== undefined);
    const problem =
      unsupported.length > 0
        ? `uses ${unsupported.join(', ')}, which the migration does not carry`
        : actions.length === 0
          ? 'has no Action'
          : resources.length === 0
            ? 'has no Resource'
            : undefined;
    if (problem !== undefined) {
      notMigrated.push({
        subject: 'IAM statement',
        detail: `${problem}; add it to the construct by hand`,
        where: at,
      });
      continue;
    }
    statements.push({ effect, actions, resources });
  }
  return statements;
}
