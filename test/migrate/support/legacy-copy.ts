import { cpSync, mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEGACY } from './migrate-runner.js';

/**
 * A copy of the fixture folder `name` in a temporary folder, with every `x.ts.txt` renamed to
 * `x.ts`: fixtures that must not type-check under this repository's tsconfig are stored that way.
 * Returns the folder the copy sits in (the migrate `cwd`).
 */
export function legacyCopy(name: string): string {
  const parent = mkdtempSync(join(tmpdir(), 'cnl-legacy-'));
  cpSync(join(LEGACY, name), join(parent, name), { recursive: true });
  for (const entry of readdirSync(join(parent, name), {
    recursive: true,
    withFileTypes: true,
  })) {
    if (entry.isFile() && entry.name.endsWith('.ts.txt')) {
      const path = join(entry.parentPath, entry.name);
      renameSync(path, path.slice(0, -'.txt'.length));
    }
  }
  return parent;
}
