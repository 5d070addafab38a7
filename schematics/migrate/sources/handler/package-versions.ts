// The versions the service installs for the npm packages legacy code imports: the range the legacy
// package.json gives, else the version its lockfile resolved, else, for the AWS SDKs the Lambda
// runtime used to provide (and so no package.json listed), the SDK's major line. Type-only imports
// become devDependencies; `aws-lambda` from TypeScript means `@types/aws-lambda`.
import { dirname, join } from 'node:path';
import { readText } from './legacy-files.js';

/** One npm package a migrated function needs, and where its version came from. */
export interface LegacyPackage {
  name: string;
  /** What to install; none when neither the legacy package.json nor its lockfile names it. */
  range?: string;
  from?: 'package.json' | 'lockfile' | 'runtime' | 'types';
  /** Read by the build only (types): a devDependency. */
  dev: boolean;
}

export interface LegacyManifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The SDKs Lambda's Node runtimes provided: v2 up to nodejs16.x, v3 from nodejs18.x. */
const RUNTIME_SDKS: { matches: (name: string) => boolean; range: string }[] = [
  { matches: (name) => name === 'aws-sdk', range: '^2.1692.0' },
  { matches: (name) => name.startsWith('@aws-sdk/'), range: '^3.0.0' },
];

/** Type-only imports whose types live in another package. */
const TYPES_OF: Record<string, { name: string; range: string }> = {
  'aws-lambda': { name: '@types/aws-lambda', range: '^8.10.0' },
};

/**
 * The packages of a function's import graph with their versions. `from` is the handler's folder:
 * the nearest package.json and lockfile above it are the legacy project's.
 */
export function packageVersions(
  from: string,
  packages: string[],
  typePackages: string[],
  manifest: LegacyManifest | undefined,
): LegacyPackage[] {
  const declared = {
    ...manifest?.devDependencies,
    ...manifest?.dependencies,
  };
  const locked = lockfileVersions(from);
  const version = (
    name: string,
  ): Pick<LegacyPackage, 'range' | 'from'> | undefined => {
    const range = declared[name];
    if (range !== undefined) return { range, from: 'package.json' };
    const pinned = locked(name);
    return pinned === undefined
      ? undefined
      : { range: pinned, from: 'lockfile' };
  };
  const runtime = packages.map((name): LegacyPackage => {
    const known = version(name);
    if (known !== undefined) return { name, ...known, dev: false };
    const sdk = RUNTIME_SDKS.find((s) => s.matches(name));
    return sdk === undefined
      ? { name, dev: false }
      : { name, range: sdk.range, from: 'runtime', dev: false };
  });
  const types = typePackages.map((imported): LegacyPackage => {
    const typesOf = TYPES_OF[imported];
    const name = typesOf?.name ?? imported;
    const known = version(name);
    if (known !== undefined) return { name, ...known, dev: true };
    return typesOf === undefined
      ? { name, dev: true }
      : { name, range: typesOf.range, from: 'types', dev: true };
  });
  return [...runtime, ...types];
}

interface Lockfile {
  /** lockfileVersion 2 and 3. */
  packages?: Record<string, { version?: string }>;
  /** lockfileVersion 1. */
  dependencies?: Record<string, { version?: string }>;
}

/** Looks a package's top-level version up in the nearest package-lock.json or npm-shrinkwrap.json. */
function lockfileVersions(start: string): (name: string) => string | undefined {
  const lock = nearestLockfile(start);
  return (name) => {
    const version =
      lock?.packages?.[`node_modules/${name}`]?.version ??
      lock?.dependencies?.[name]?.version;
    // A lockfile v1 entry of a git or file dependency holds a URL, not a version.
    return version !== undefined && /^\d/.test(version) ? version : undefined;
  };
}

function nearestLockfile(start: string): Lockfile | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    for (const name of ['npm-shrinkwrap.json', 'package-lock.json']) {
      const text = readText(join(dir, name));
      if (text !== undefined) return parseLockfile(text);
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function parseLockfile(text: string): Lockfile | undefined {
  try {
    return JSON.parse(text) as Lockfile;
  } catch {
    // A lockfile that does not parse gives no versions; the package.json still may.
    return undefined;
  }
}
