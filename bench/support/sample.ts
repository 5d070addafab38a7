import type { Sample } from '../report/figures.js';
import { median, relativeSpread } from './stats.js';

export function sample(runs: readonly number[]): Sample {
  return { median: median(runs), spread: relativeSpread(runs), runs };
}
