// The shape of a payload: its keys and value types, recursively. Maps whose keys are data
// (headers, query, attributes) become `{ '*': <shape of their values> }`, so a header the
// factory adds or leaves out does not count, but a header value of the wrong type does.
import { readFileSync } from 'node:fs';

const MAPS = new Set([
  'headers',
  'multiValueHeaders',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'messageAttributes',
  'MessageAttributes',
  'detail',
]);

/** The keys and value types of `value`, recursively (`key` is its property name). */
export function shape(value: unknown, key = ''): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (typeof value !== 'object') return typeof value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (MAPS.has(key))
    return entries.length > 0 ? { '*': shape(entries[0]![1]) } : {};
  return Object.fromEntries(
    entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, inner]) => [name, shape(inner, name)]),
  );
}

/** A real payload from test/fixtures/events (Powertools' parser events). */
export const fixture = <T = Record<string, unknown>>(name: string): T =>
  JSON.parse(
    readFileSync(
      new URL(`../fixtures/events/${name}.json`, import.meta.url),
      'utf8',
    ),
  ) as T;

/** The sample event of a trigger's template (a real payload the generator ships). */
export const templateEvent = <T = Record<string, unknown>>(
  trigger: string,
): T =>
  JSON.parse(
    readFileSync(
      new URL(
        `../../../../templates/triggers/${trigger}/test/events/__name__.json`,
        import.meta.url,
      ),
      'utf8',
    ),
  ) as T;
