import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';

// `from 'x'`, `import 'x'` and `import('x')` in tsc's output, with a bare specifier.
const IMPORT = /\b(?:from|import)\s*\(?\s*['"]([^'"./][^'"]*)['"]/g;

/**
 * The packages the service's build in `root/dist` imports (`@nestjs/core`, `class-validator`,
 * ...), sorted; Node's built-in modules left out.
 */
export function importedPackages(root: string): string[] {
  const dist = join(root, 'dist');
  if (!existsSync(dist)) return [];
  const found = new Set<string>();
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js')) continue;
    for (const [, specifier] of readFileSync(join(dist, file), 'utf8').matchAll(
      IMPORT,
    ))
      if (!isBuiltin(specifier!)) found.add(specifier!);
  }
  return [...found].sort();
}
