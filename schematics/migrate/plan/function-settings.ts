// Settings every source kind reads the same way for a function: numbers (memory, timeout) and
// environment variables.
import type { IntrinsicReader } from './intrinsics.js';
import type { Finding, Value } from './plan.js';

/** A number, or a numeric string; undefined and a finding for anything else (a variable, say). */
export function readNumber(
  value: unknown,
  where: string,
  notMigrated: Finding[],
): number | undefined {
  if (value === undefined) return undefined;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number(value)
        : Number.NaN;
  if (Number.isFinite(number)) return number;
  notMigrated.push({
    subject: where.split('.').at(-1) ?? where,
    detail:
      'is not a number known when migrating; the construct uses its default',
    where,
  });
  return undefined;
}

/** Environment variables as plan values; the reader reports the ones it cannot read. */
export function readEnvironment(
  variables: Record<string, unknown>,
  reader: IntrinsicReader,
  where: string,
): Record<string, Value> {
  const environment: Record<string, Value> = {};
  for (const [name, value] of Object.entries(variables)) {
    const read = reader.read(value, `${where}.${name}`);
    if (read !== undefined) environment[name] = read;
  }
  return environment;
}
