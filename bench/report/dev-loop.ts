import type { DevLoopFigures } from '../measure/dev-loop.js';
import { formatNumber } from './ratios.js';

// The aims of issue 12: a saved change answers within 2 s; a request costs a few ms.
const SAVE_AIM_MS = 2000;
const REQUEST_AIM_MS = 5;

/** The dev loop's figures as report lines (the same in the console and in latest.md). */
export function devLoopLines(figures: DevLoopFigures | undefined): string[] {
  if (!figures) return [];
  const ms = (value: number) => `${formatNumber(value, 1)} ms`;
  const { saveToResponseMs: save, httpRequestMs: http, invokeMs } = figures;
  return [
    `dev server (npm run start:dev), save to the first response with the change: ${ms(save.median)} median of ${save.runs.length} edits (max ${ms(Math.max(...save.runs))}, of which tsc ${ms(figures.compileMs.median)}; aim < ${SAVE_AIM_MS} ms: ${save.median < SAVE_AIM_MS ? 'met' : 'not met'})`,
    `dev server, one GET /health: ${ms(http.median)} median, ${ms(http.p95)} p95 of ${http.runs.length} (aim a few ms, < ${REQUEST_AIM_MS} ms: ${http.median < REQUEST_AIM_MS ? 'met' : 'not met'}); one short-form SQS invoke: ${ms(invokeMs.median)} median, ${ms(invokeMs.p95)} p95`,
    `dev server, start to the first 200 (first compile and init): ${ms(figures.firstResponseMs)}`,
  ];
}
