// Runs the runtime's unit tests against the lowest @nestjs/common and @nestjs/core its peer range
// admits (the highest is what the workspace installs and `npm test` runs). The runtime reads some
// Nest internals, so the range it declares is the range tested here, not a guess.
// A copy of packages/runtime (src, test) goes into .tools/peers/, with those versions installed.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runtimeDir = join(root, 'packages', 'runtime');
const work = join(root, '.tools', 'peers');
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));

const rootPackage = read(join(root, 'package.json'));
const runtime = read(join(runtimeDir, 'package.json'));
const rootRange = (name) =>
  rootPackage.devDependencies[name] ?? rootPackage.dependencies[name];

/** The lowest version a caret or >= range admits: ^12.0.0 → 12.0.0. */
function lowest(range) {
  const match = /^(?:\^|~|>=)?\s*(\d+\.\d+\.\d+)/.exec(range);
  if (!match) throw new Error(`cannot read the lowest version of "${range}"`);
  return match[1];
}

const nest = lowest(runtime.peerDependencies['@nestjs/core']);
// Nest at its lowest; every other package the tests import at the version the workspace tests with.
const lowestNest = Object.fromEntries(
  ['@nestjs/common', '@nestjs/core', '@nestjs/testing'].map((name) => [
    name,
    nest,
  ]),
);
const optionalPeers = Object.keys(runtime.peerDependenciesMeta ?? {}).filter(
  (name) => !(name in lowestNest),
);
const manifest = {
  name: 'runtime-peers-lowest',
  private: true,
  type: 'module',
  // The copied sources are the package's: esbuild's tree shaking (the bundle tests) reads this.
  sideEffects: runtime.sideEffects,
  dependencies: {
    ...runtime.dependencies,
    ...lowestNest,
    'reflect-metadata': lowest(runtime.peerDependencies['reflect-metadata']),
    rxjs: lowest(runtime.peerDependencies.rxjs),
  },
  devDependencies: {
    ...runtime.devDependencies,
    ...Object.fromEntries(
      [
        ...optionalPeers,
        'class-transformer',
        'class-validator',
        'fast-check',
        'vitest',
        '@types/node',
        'typescript',
        'dynalite',
        '@aws/lambda-invoke-store',
        '@nestjs/platform-express',
      ]
        .filter((name) => rootRange(name) !== undefined)
        .map((name) => [name, rootRange(name)]),
    ),
  },
};

mkdirSync(work, { recursive: true });
const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
const manifestPath = join(work, 'package.json');
const installed =
  existsSync(join(work, 'node_modules')) &&
  existsSync(manifestPath) &&
  readFileSync(manifestPath, 'utf8') === manifestText;
for (const folder of ['src', 'test']) {
  rmSync(join(work, folder), { recursive: true, force: true });
  cpSync(join(runtimeDir, folder), join(work, folder), { recursive: true });
}
cpSync(join(root, 'tsconfig.base.json'), join(work, 'tsconfig.json'));
writeFileSync(
  join(work, 'vitest.config.ts'),
  [
    "import { defineConfig } from 'vitest/config';",
    'export default defineConfig({',
    "  test: { include: ['test/**/*.test.ts'], exclude: ['**/*.memory.test.ts', 'test/architecture.test.ts', 'test/testing/entry-point.test.ts'], testTimeout: 30_000 },",
    '});',
    '',
  ].join('\n'),
);
if (!installed) {
  writeFileSync(manifestPath, manifestText);
  console.log(
    `installing @nestjs/common and @nestjs/core ${nest} into .tools/peers`,
  );
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-package-lock'],
    {
      cwd: work,
      stdio: 'inherit',
    },
  );
}
const installedCore = read(
  join(work, 'node_modules', '@nestjs', 'core', 'package.json'),
).version;
console.log(
  `runtime tests against @nestjs/core ${installedCore} (the lowest of ${runtime.peerDependencies['@nestjs/core']})`,
);
execFileSync(join(work, 'node_modules', '.bin', 'vitest'), ['run'], {
  cwd: work,
  stdio: 'inherit',
});
