import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScaffoldedFiles } from '../schematics/utils/service-tree.js';
import { specifiersOf } from '../../schematics/migrate/sources/handler/imports.js';
import { packageVersions } from '../../schematics/migrate/sources/handler/package-versions.js';
import { legacyCopy } from './support/legacy-copy.js';
import { migrate } from './support/migrate-runner.js';

const service = useScaffoldedFiles();

describe('type-only imports', () => {
  it('are told apart from the imports that load a package', () => {
    const text = [
      "import type { SQSEvent } from 'aws-lambda';",
      "import { type Context, type Handler } from 'aws-lambda-types';",
      "import { v4, type V4Options } from 'uuid';",
      "export type { Shape } from 'shapes';",
    ].join('\n');
    expect(specifiersOf('x.ts', text)).toEqual({
      specifiers: ['uuid'],
      typeOnly: ['aws-lambda', 'aws-lambda-types', 'shapes'],
      dynamic: [],
    });
  });

  it('take `aws-lambda` from TypeScript as types, whatever the import looks like', () => {
    expect(
      specifiersOf('x.ts', "import { Context } from 'aws-lambda';").typeOnly,
    ).toEqual(['aws-lambda']);
    // From JavaScript, require loads the package itself.
    expect(
      specifiersOf('x.js', "const l = require('aws-lambda');").specifiers,
    ).toEqual(['aws-lambda']);
  });
});

describe('packageVersions', () => {
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'cnl-versions-'));
    for (const [name, text] of Object.entries(files))
      writeFileSync(join(dir, name), text);
    return dir;
  };

  it('takes the package.json range first, then the lockfile version (v1 and v3)', () => {
    const v3 = folder({
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: {
          'node_modules/uuid': { version: '8.3.2' },
          'node_modules/ms': { version: '2.1.3' },
        },
      }),
    });
    expect(
      packageVersions(v3, ['ms', 'uuid'], [], {
        dependencies: { uuid: '^9.0.0' },
      }),
    ).toEqual([
      { name: 'ms', range: '2.1.3', from: 'lockfile', dev: false },
      { name: 'uuid', range: '^9.0.0', from: 'package.json', dev: false },
    ]);
    const v1 = folder({
      'npm-shrinkwrap.json': JSON.stringify({
        lockfileVersion: 1,
        dependencies: {
          ms: { version: '2.1.2' },
          mine: { version: 'git+https://example.com/mine.git' },
        },
      }),
    });
    expect(packageVersions(v1, ['mine', 'ms'], [], undefined)).toEqual([
      { name: 'mine', dev: false },
      { name: 'ms', range: '2.1.2', from: 'lockfile', dev: false },
    ]);
  });

  it('adds the SDKs the old runtime provided, and @types/aws-lambda for aws-lambda types', () => {
    const empty = folder({});
    expect(
      packageVersions(
        empty,
        ['@aws-sdk/client-s3', 'aws-sdk', 'left-pad'],
        ['aws-lambda'],
        undefined,
      ),
    ).toEqual([
      {
        name: '@aws-sdk/client-s3',
        range: '^3.0.0',
        from: 'runtime',
        dev: false,
      },
      { name: 'aws-sdk', range: '^2.1692.0', from: 'runtime', dev: false },
      { name: 'left-pad', dev: false },
      { name: '@types/aws-lambda', range: '^8.10.0', from: 'types', dev: true },
    ]);
  });
});

describe('migrate a service with npm dependencies', () => {
  it('installs what the legacy code imports at the legacy versions, and reports what it cannot', async () => {
    const tree = await migrate(service(), {
      source: 'dependencies/serverless.yml',
      cwd: legacyCopy('dependencies'),
    });
    const manifest = tree.readJson('/package.json') as Record<
      'dependencies' | 'devDependencies',
      Record<string, string>
    >;
    const before = JSON.parse(service()['/package.json'] ?? '{}') as Record<
      'dependencies' | 'devDependencies',
      Record<string, string>
    >;
    const added = (section: 'dependencies' | 'devDependencies') =>
      Object.fromEntries(
        Object.entries(manifest[section]).filter(
          ([name]) => before[section][name] === undefined,
        ),
      );

    expect(added('dependencies')).toEqual({
      '@aws-sdk/client-dynamodb': '^3.0.0',
      'aws-sdk': '^2.1692.0',
      ms: '2.1.3',
      uuid: '^9.0.1',
    });
    expect(manifest.dependencies['aws-lambda']).toBeUndefined();
    // The service has its own @types/aws-lambda: it is kept.
    expect(manifest.devDependencies['@types/aws-lambda']).toBe(
      before.devDependencies['@types/aws-lambda'],
    );
    // Both functions are migrated; the one package without a version is reported, by function.
    expect(tree.exists('/src/checkout/checkout.handler.ts')).toBe(true);
    expect(tree.exists('/src/legacy-report/legacy-report.handler.ts')).toBe(
      true,
    );
    const report = tree.readText('/MIGRATION.md');
    expect(report).toContain(
      '| package left-pad of legacy-report | neither the legacy package.json nor its lockfile gives a version',
    );
    expect(report).toContain(
      '- package aws-sdk of legacy-report: the legacy Lambda runtime provided it; added to package.json as ^2.1692.0',
    );
    expect(report).toContain(
      '- package @aws-sdk/client-dynamodb of checkout: the legacy Lambda runtime provided it',
    );
    expect(report).toContain(
      '`@types/aws-lambda@^8.10.130` (types: devDependencies)',
    );
  });
});
