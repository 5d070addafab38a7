import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// CDK's order: the first lock file found decides the package manager that runs esbuild.
const LOCK_FILES = [
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
  'package-lock.json',
];

/** What a construct needs to know of the service it bundles. */
export interface ServiceManifest {
  /** The service root: the folder of its `package.json`. */
  readonly root: string;
  /** `name` of its `package.json`; Powertools labels every log line with it. */
  readonly name: string;
  readonly dependencies: Readonly<Record<string, string>>;
  /** Where esbuild runs: the folder of the nearest lock file (above the root in a workspace). */
  readonly projectRoot: string;
  readonly depsLockFilePath: string;
}

/**
 * Reads the service at `start`, or at the nearest folder above it with a `package.json`. `cdk synth`
 * and the tests run from the service root, so `process.cwd()` is the default, as it is for
 * `NodejsFunction`'s own lock-file search.
 */
export function readService(start = process.cwd()): ServiceManifest {
  const root = findUp(resolve(start), (dir) =>
    existsSync(join(dir, 'package.json')),
  );
  if (root === undefined) {
    throw new Error(
      `No package.json at or above ${start}: run cdk from the service's folder, or pass serviceRoot.`,
    );
  }
  const manifest = JSON.parse(
    readFileSync(join(root, 'package.json'), 'utf8'),
  ) as { name: string; dependencies?: Record<string, string> };

  const projectRoot = findUp(root, (dir) =>
    LOCK_FILES.some((file) => existsSync(join(dir, file))),
  );
  if (projectRoot === undefined) {
    throw new Error(
      `No lock file (${LOCK_FILES.join(', ')}) at or above ${root}: install the dependencies first.`,
    );
  }
  const lockFile = LOCK_FILES.find((file) =>
    existsSync(join(projectRoot, file)),
  )!;
  return {
    root,
    name: manifest.name,
    dependencies: manifest.dependencies ?? {},
    projectRoot,
    depsLockFilePath: join(projectRoot, lockFile),
  };
}

function findUp(
  start: string,
  matches: (dir: string) => boolean,
): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (matches(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
