import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

/**
 * A fresh copy of a real event from test/fixtures/events/, changed by `override` when given.
 * Tests vary fixtures this way rather than building whole records by hand.
 */
export function fixture<T>(name: string, override?: (event: T) => void): T {
  if (!cache.has(name)) {
    const url = new URL(`../fixtures/events/${name}.json`, import.meta.url);
    cache.set(name, JSON.parse(readFileSync(url, 'utf8')));
  }
  const event = structuredClone(cache.get(name)) as T;
  override?.(event);
  return event;
}

/** `count` copies of the first record of a fixture, each changed by `override(record, index)`. */
export function records<R>(
  name: string,
  count: number,
  override: (record: R, index: number) => void,
): R[] {
  const [first] = fixture<{ Records: R[] }>(name).Records;
  return Array.from({ length: count }, (_, index) => {
    const record = structuredClone(first) as R;
    override(record, index);
    return record;
  });
}
