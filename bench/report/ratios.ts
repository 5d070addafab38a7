import type { Family, TriggerKind } from '../scenarios.js';
import type { FunctionFigures } from './figures.js';

/** The figure of a function of `family` for the same trigger, if it was measured. */
export function reference(
  functions: readonly FunctionFigures[],
  family: Family,
  trigger: TriggerKind,
): FunctionFigures | undefined {
  return functions.find(
    (fn) => fn.family === family && fn.trigger === trigger && !fn.wrong,
  );
}

export function ratio(
  value: number | undefined,
  base: number | undefined,
): number | undefined {
  if (
    value === undefined ||
    base === undefined ||
    !Number.isFinite(value) ||
    !(base > 0)
  ) {
    return undefined;
  }
  return value / base;
}

/** `×3.1` / `×0.42` / `×1,240`, or `-` when there is nothing to compare with. */
export function formatRatio(value: number | undefined): string {
  if (value === undefined) return '-';
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `×${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })}`;
}

export function formatNumber(
  value: number | undefined,
  digits: number,
): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/** Significant enough digits for µs figures from 0.1 to 10,000. */
export function formatMicros(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  return formatNumber(value, value < 10 ? 2 : value < 100 ? 1 : 0);
}
