// tsc compiles the factories; the collection and the schemas are JSON and are copied beside them.
// Nothing else is: the schema typings and notes for developers stay out of the published package.
import { cpSync, statSync } from 'node:fs';

const from = new URL('../schematics', import.meta.url);
const to = new URL('../dist/schematics', import.meta.url);
cpSync(from, to, {
  recursive: true,
  filter: (source) =>
    statSync(source).isDirectory() || source.endsWith('.json'),
});
