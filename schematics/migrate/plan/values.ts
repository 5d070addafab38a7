// Small operations on plan values (`string | Expr`), shared by the variable resolver, the
// intrinsic-function reader and the renderer.
import type { Expr, Value } from './plan.js';

const EXPR_KINDS = new Set([
  'env',
  'parameter',
  'ssm',
  'resource',
  'pseudo',
  'import',
  'concat',
]);

/** True for the expressions of the plan, not for any YAML mapping that has a `kind` key. */
export function isValueExpr(value: unknown): value is Expr {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return false;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && EXPR_KINDS.has(kind);
}

/** Joins parts into one value: adjacent text merges, nested concatenations flatten. */
export function concatValues(parts: Value[]): Value {
  const flat: Value[] = [];
  for (const part of parts) {
    const pieces =
      typeof part !== 'string' && part.kind === 'concat' ? part.parts : [part];
    for (const piece of pieces) {
      const last = flat.at(-1);
      if (typeof piece === 'string' && typeof last === 'string')
        flat[flat.length - 1] = last + piece;
      else if (piece !== '') flat.push(piece);
    }
  }
  if (flat.length === 0) return '';
  if (flat.length === 1 && flat[0] !== undefined) return flat[0];
  return { kind: 'concat', parts: flat };
}

/** A CloudFormation parameter name (alphanumeric) for an unresolvable reference. */
export function parameterName(raw: string): string {
  const words = raw.match(/[A-Za-z0-9]+/g) ?? ['Value'];
  const name = words
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
  return (/^[0-9]/.test(name) ? `P${name}` : name).slice(0, 255);
}

/** Every resource logical id a value refers to. */
export function referencedResources(
  value: unknown,
  into = new Set<string>(),
): Set<string> {
  if (isValueExpr(value)) {
    if (value.kind === 'resource') into.add(value.logicalId);
    if (value.kind === 'concat')
      value.parts.forEach((part) => referencedResources(part, into));
    if (value.kind === 'env' && value.fallback !== undefined)
      referencedResources(value.fallback, into);
    if (value.kind === 'import') referencedResources(value.exportName, into);
  } else if (Array.isArray(value)) {
    value.forEach((item) => referencedResources(item, into));
  } else if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach((item) => referencedResources(item, into));
  }
  return into;
}

/** A template scalar as text (numbers and booleans too); `fallback` for anything else. */
export function asText(value: unknown, fallback = ''): string {
  return typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
    ? String(value)
    : fallback;
}

export type Raw = Record<string, unknown>;

/** A template mapping, or an empty one for anything else (a scalar, a list, nothing). */
export function asRecord(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Raw)
    : {};
}

/** A template number, or a string of digits, as a number; undefined for anything else. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\d+$/.test(value)
    ? Number(value)
    : undefined;
}
