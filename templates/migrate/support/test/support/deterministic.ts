// The same clock and the same "random" numbers for each run of a migrated function's equivalence
// test, so a legacy handler that stamps the time or draws an id answers the same both times.
// Copied into projects by `create-nest-lambda migrate`.
import { createRequire } from 'node:module';
import { vi } from 'vitest';

/** The time every run sees. */
export const FROZEN_NOW = new Date('2026-01-01T00:00:00.000Z');

// node:crypto as CommonJS code requires it: spying on this object is what that code calls.
const nodeCrypto = createRequire(import.meta.url)('node:crypto') as {
  randomUUID: () => string;
};

/**
 * Freezes `Date` at FROZEN_NOW (timers keep running) and restarts `Math.random` and
 * `crypto.randomUUID` at the same seed. Call it before each run; `vi.restoreAllMocks()` and
 * `vi.useRealTimers()` undo it.
 */
export function deterministic(seed = 1): void {
  vi.useFakeTimers({ now: FROZEN_NOW, toFake: ['Date'] });
  // Park and Miller's minimal standard generator: small, and the same sequence on every run.
  let state = seed;
  const next = () => {
    state = (state * 16_807) % 2_147_483_647;
    return (state - 1) / 2_147_483_646;
  };
  vi.spyOn(Math, 'random').mockImplementation(next);
  const uuid = () =>
    '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
      (
        Number(c) ^
        (Math.floor(next() * 256) & (15 >> (Number(c) / 4)))
      ).toString(16),
    ) as `${string}-${string}-${string}-${string}-${string}`;
  vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(uuid);
  vi.spyOn(nodeCrypto, 'randomUUID').mockImplementation(uuid);
}
