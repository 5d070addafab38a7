import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { normalize, virtualFs } from '@angular-devkit/core';
import { NodeJsSyncHost } from '@angular-devkit/core/node/index.js';
import { HostTree } from '@angular-devkit/schematics';
import { UnitTestTree } from '@angular-devkit/schematics/testing/index.js';
import ts from 'typescript';
import { REPO_ROOT } from '../support/cli.js';
import { describe, expect, it } from 'vitest';
import {
  useScaffoldedFiles,
  type Files,
} from '../schematics/utils/service-tree.js';
import { legacyCopy } from './support/legacy-copy.js';
import { LEGACY, migrate, migrateTree } from './support/migrate-runner.js';

const service = useScaffoldedFiles();
const loose = legacyCopy('loose-ts');

/**
 * A tree over a real folder holding the service, whose node_modules are this repository's
 * (every package but those named in `without`).
 */
function installedService(
  files: Files,
  without: string[] = [],
): [UnitTestTree, string] {
  const dir = mkdtempSync(join(tmpdir(), 'cnl-installed-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const modules = join(REPO_ROOT, 'node_modules');
  if (without.length === 0) symlinkSync(modules, join(dir, 'node_modules'));
  else {
    mkdirSync(join(dir, 'node_modules'));
    for (const name of readdirSync(modules)) {
      if (!without.includes(name))
        symlinkSync(join(modules, name), join(dir, 'node_modules', name));
    }
  }
  const tree = new UnitTestTree(
    new HostTree(
      new virtualFs.ScopedHost(new NodeJsSyncHost(), normalize(dir)),
    ),
  );
  return [tree, dir];
}

/** Type errors of `files` (paths of the tree) under the service's own tsconfig.json options. */
function typeErrors(tree: Map<string, string>, files: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cnl-legacy-ts-'));
  for (const [path, text] of tree) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const config = ts.getParsedCommandLineOfConfigFile(
    join(dir, 'tsconfig.json'),
    { types: [] },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  const program = ts.createProgram(
    files.map((file) => join(dir, file)),
    { ...config?.options, noEmit: true, types: [] },
  );
  return files.flatMap((file) => {
    const source = program.getSourceFile(join(dir, file));
    return [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  });
}

describe('legacy TypeScript', () => {
  it('builds as it built before: not type-checked under the strict service tsconfig', async () => {
    const tree = await migrate(service(), {
      source: 'loose-ts/get-item.handler',
      cwd: loose,
    });
    const files = new Map(
      tree.files
        .filter((path) => /\.(ts|json)$/.test(path))
        .map((path) => [path.slice(1), tree.readText(path)]),
    );
    const legacy = [
      'src/legacy/get-item/get-item.ts',
      'src/legacy/get-item/lib/store.ts',
    ];

    expect(typeErrors(files, legacy)).toEqual([]);
    // Past the first line, the copy is the legacy file byte for byte.
    expect(
      files
        .get(legacy[0] ?? '')
        ?.split('\n')
        .slice(1)
        .join('\n'),
    ).toEqual(ts.sys.readFile(join(LEGACY, 'loose-ts/get-item.ts.txt')));
  });
});

describe('a migration that would leave the service unbuildable', () => {
  it('type-checks what it creates against the installed packages, and passes when it builds', async () => {
    const [installed, projectDir] = installedService(service());
    const tree = await migrateTree(installed, {
      source: 'loose-ts/get-item.handler',
      cwd: loose,
      projectDir,
    });

    expect(tree.exists('/src/legacy/get-item/get-item.ts')).toBe(true);
  }, 60_000);

  it('fails, writing nothing, when what it creates does not build', async () => {
    // The runtime package is not installed: the generated entry imports it.
    const [installed, projectDir] = installedService(service(), [
      '@create-nest-lambda',
    ]);
    await expect(
      migrateTree(installed, {
        source: 'loose-ts/get-item.handler',
        cwd: loose,
        projectDir,
      }),
    ).rejects.toThrow(
      /^the migrated service would not build: src\/functions\/get-item\.function\.ts\(\d+,\d+\): Cannot find module '@create-nest-lambda\/runtime'/,
    );
  }, 60_000);
});
