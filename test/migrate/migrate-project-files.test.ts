import { describe, expect, it } from 'vitest';
import {
  addDependencies,
  addIgnoreLine,
  addLegacyAssets,
  addOxlintIgnore,
  enableAllowJs,
} from '../../schematics/migrate/render/project-files.js';

describe('enableAllowJs', () => {
  it('adds allowJs first in compilerOptions, keeping comments and layout', () => {
    const source =
      '{\n  // generated\n  "compilerOptions": {\n    "strict": true\n  }\n}\n';
    expect(enableAllowJs(source)).toBe(
      '{\n  // generated\n  "compilerOptions": {\n    "allowJs": true,\n    "strict": true\n  }\n}\n',
    );
  });

  it('turns allowJs false into true, and leaves true alone', () => {
    expect(enableAllowJs('{ "compilerOptions": { "allowJs": false } }')).toBe(
      '{ "compilerOptions": { "allowJs": true } }',
    );
    const done = '{ "compilerOptions": { "allowJs": true } }';
    expect(enableAllowJs(done)).toBe(done);
  });

  it('fills empty compilerOptions, and leaves a file without them alone', () => {
    expect(enableAllowJs('{ "compilerOptions": {} }')).toBe(
      '{ "compilerOptions": { "allowJs": true } }',
    );
    expect(enableAllowJs('{ "extends": "./base.json" }')).toBe(
      '{ "extends": "./base.json" }',
    );
  });
});

describe('addLegacyAssets', () => {
  it('adds the legacy JSON files to the nest build assets once', () => {
    const once = addLegacyAssets(
      '{ "sourceRoot": "src", "compilerOptions": { "deleteOutDir": true } }',
    );
    expect(JSON.parse(once)).toEqual({
      sourceRoot: 'src',
      compilerOptions: {
        deleteOutDir: true,
        assets: [{ include: 'legacy/**/*.json' }],
      },
    });
    expect(addLegacyAssets(once)).toBe(once);
  });

  it('keeps the assets already listed', () => {
    const source = '{ "compilerOptions": { "assets": ["**/*.graphql"] } }';
    expect(JSON.parse(addLegacyAssets(source))).toEqual({
      compilerOptions: {
        assets: ['**/*.graphql', { include: 'legacy/**/*.json' }],
      },
    });
  });
});

describe('ignore lists', () => {
  it('adds a line to an ignore file once, with a final newline', () => {
    expect(addIgnoreLine('dist\ncoverage', 'src/legacy/*/')).toBe(
      'dist\ncoverage\nsrc/legacy/*/\n',
    );
    expect(addIgnoreLine('dist\nsrc/legacy/*/\n', 'src/legacy/*/')).toBe(
      'dist\nsrc/legacy/*/\n',
    );
  });

  it('adds a pattern to oxlint ignorePatterns once', () => {
    const once = addOxlintIgnore('{ "rules": {} }', 'src/legacy/*/**');
    expect(JSON.parse(once)).toEqual({
      rules: {},
      ignorePatterns: ['src/legacy/*/**'],
    });
    expect(addOxlintIgnore(once, 'src/legacy/*/**')).toBe(once);
  });
});

describe('addDependencies', () => {
  it('adds only what the project lacks, sorted, keeping the other fields in place', () => {
    const source = JSON.stringify({
      name: 'svc',
      dependencies: { zod: '^3.0.0', '@nestjs/core': '^12.0.0' },
      devDependencies: { vitest: '^4.0.0' },
    });
    const added = JSON.parse(
      addDependencies(source, {
        uuid: '^9.0.0',
        vitest: '^1.0.0',
        zod: '^2.0.0',
      }),
    ) as Record<string, unknown>;
    expect(Object.keys(added)).toEqual([
      'name',
      'dependencies',
      'devDependencies',
    ]);
    expect(added.dependencies).toEqual({
      '@nestjs/core': '^12.0.0',
      uuid: '^9.0.0',
      zod: '^3.0.0',
    });
    expect(addDependencies(source, { zod: '^2.0.0' })).toBe(source);
  });
});
