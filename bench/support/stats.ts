export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median absolute deviation relative to the median: how noisy a series of runs was. */
export function relativeSpread(values: readonly number[]): number {
  const center = median(values);
  if (!Number.isFinite(center) || center === 0) return Number.NaN;
  return median(values.map((value) => Math.abs(value - center))) / center;
}
