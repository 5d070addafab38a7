import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

/** The runtime package this generator was released with: its version and its dependencies. */
export interface RuntimePackage {
  readonly version: string;
  readonly dependencies: Readonly<Record<string, string>>;
  /**
   * Its optional peers (the Powertools metrics, tracer and idempotency utilities, ...): the copy
   * imports their types, so an ejected service needs them to compile.
   */
  readonly optionalPeers: Readonly<Record<string, string>>;
  /** Path inside the package's `src/` → content. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * Reads the runtime's TypeScript sources from the installed `@create-nest-lambda/runtime` (it ships
 * `src/` for this and for source maps). The generator depends on the same release, so an ejected
 * copy is exactly the code the service ran from the package.
 */
export function readRuntimePackage(): RuntimePackage {
  const manifestPath = createRequire(import.meta.url).resolve(
    '@create-nest-lambda/runtime/package.json',
  );
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  const srcDir = join(dirname(manifestPath), 'src');
  const files = new Map<string, string>();
  for (const entry of readdirSync(srcDir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(
      relative(srcDir, path).split(sep).join('/'),
      readFileSync(path, 'utf8'),
    );
  }
  return {
    version: manifest.version,
    dependencies: manifest.dependencies ?? {},
    optionalPeers: Object.fromEntries(
      Object.entries(manifest.peerDependencies ?? {}).filter(
        ([name]) => manifest.peerDependenciesMeta?.[name]?.optional === true,
      ),
    ),
    files,
  };
}
