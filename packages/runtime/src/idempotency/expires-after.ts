/** How long an idempotency record is kept: seconds, or a number with `s`, `m`, `h` or `d`. */
export type ExpiresAfter = number | `${number}${'s' | 'm' | 'h' | 'd'}`;

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** Parsed when the decorator is applied, so a typo fails at startup rather than on a record. */
export function expiresAfterSeconds(value: ExpiresAfter): number {
  const match =
    typeof value === 'number'
      ? ([String(value), String(value), 's'] as const)
      : /^(\d+)\s*([smhd])$/.exec(value);
  const seconds = match
    ? Number(match[1]) *
      SECONDS_PER_UNIT[match[2] as keyof typeof SECONDS_PER_UNIT]
    : Number.NaN;
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new RangeError(
      `expiresAfter must be a positive whole number of seconds or a duration such as '90s', '15m', '1h' or '7d'; got ${JSON.stringify(value)}.`,
    );
  }
  return seconds;
}
