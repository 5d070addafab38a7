// tsc compiles the factories; the collection and the schemas are JSON and are copied beside them.
import { cpSync } from 'node:fs';

const from = new URL('../schematics', import.meta.url);
const to = new URL('../dist/schematics', import.meta.url);
cpSync(from, to, {
  recursive: true,
  filter: (source) => !source.endsWith('.ts') || source.endsWith('.d.ts'),
});
