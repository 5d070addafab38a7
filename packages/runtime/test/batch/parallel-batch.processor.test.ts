import { describe, expect, it } from 'vitest';
import { processInParallel } from '../../src/batch/parallel-batch.processor.js';

// A source of `count` numbered records; `fails` says which ones reject, after a random delay so
// they finish out of order.
function source(count: number, fails: (n: number) => boolean) {
  let inFlight = 0;
  const stats = { maxInFlight: 0, reported: [] as string[] };
  return {
    stats,
    records: Array.from({ length: count }, (_, n) => n),
    identify: (n: number) => `m-${n}`,
    reportFailure: (id: string) => stats.reported.push(id),
    run: async (n: number) => {
      inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      inFlight--;
      if (fails(n)) throw new Error(`record ${n} failed`);
    },
  };
}

describe('processInParallel', () => {
  it('runs records concurrently, but never more than 32 at once', async () => {
    const batch = source(500, () => false);

    expect(await processInParallel(batch)).toEqual({ batchItemFailures: [] });
    expect(batch.stats.maxInFlight).toBe(32);
  });

  it('reports every failed record once, in the order of the batch', async () => {
    const batch = source(200, (n) => n % 7 === 3);
    const expected = batch.records
      .filter((n) => n % 7 === 3)
      .map((n) => `m-${n}`);

    const { batchItemFailures } = await processInParallel(batch);

    expect(batchItemFailures.map((f) => f.itemIdentifier)).toEqual(expected);
    expect([...batch.stats.reported].sort()).toEqual([...expected].sort());
  });

  it('handles an empty batch and a batch smaller than the limit', async () => {
    expect(await processInParallel(source(0, () => true))).toEqual({
      batchItemFailures: [],
    });
    const small = source(3, (n) => n === 1);
    expect(await processInParallel(small)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-1' }],
    });
    expect(small.stats.maxInFlight).toBe(3);
  });
});
