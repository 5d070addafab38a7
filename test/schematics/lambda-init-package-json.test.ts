import { describe, expect, it } from 'vitest';
import { appendMissingLines } from '../../schematics/lambda-init/ignore-files.js';
import { mergePackageJson } from '../../schematics/lambda-init/merge-package-json.js';

describe('mergePackageJson', () => {
  const service = {
    scripts: { build: 'nest build', lint: 'oxlint all', synth: 'cdk synth' },
    dependencies: { '@nestjs/core': '^12.5.0', 'class-validator': '^0.15.1' },
    devDependencies: { 'aws-cdk-lib': '^2.0.0', typescript: '^6.0.2' },
  };

  it("adds what the app lacks, keeps the app's versions and its changed scripts", () => {
    const app = {
      name: 'app',
      type: 'module',
      scripts: { build: 'nest build', lint: 'eslint .', start: 'nest start' },
      dependencies: { zod: '^3.0.0', '@nestjs/core': '^12.0.1' },
      devDependencies: { 'class-validator': '^0.14.0' },
    };

    expect(mergePackageJson(app, service)).toEqual({
      json: {
        name: 'app',
        type: 'module',
        scripts: {
          build: 'nest build',
          lint: 'eslint .',
          start: 'nest start',
          synth: 'cdk synth',
        },
        dependencies: { '@nestjs/core': '^12.0.1', zod: '^3.0.0' },
        devDependencies: {
          'aws-cdk-lib': '^2.0.0',
          'class-validator': '^0.14.0',
          typescript: '^6.0.2',
        },
      },
      keptScripts: ['lint'],
    });
  });

  it('replaces the scripts nest new wrote that a Lambda service runs differently', () => {
    const app = {
      scripts: {
        deploy: 'nest deploy',
        lint: 'oxlint --type-aware src/ test/',
      },
    };
    const merged = mergePackageJson(app, {
      scripts: { deploy: 'cdk deploy', lint: 'oxlint all' },
    });

    expect(merged.json.scripts).toEqual({
      deploy: 'cdk deploy',
      lint: 'oxlint all',
    });
    expect(merged.keptScripts).toEqual([]);
  });

  it("keeps nest new's start scripts without a word: main.ts still serves the app locally", () => {
    const app = {
      scripts: { start: 'nest start', 'start:dev': 'nest start --watch' },
    };
    const merged = mergePackageJson(app, {
      scripts: { start: 'nest start', 'start:dev': 'nest-lambda-dev' },
    });

    expect(merged.json.scripts).toEqual(app.scripts);
    expect(merged.keptScripts).toEqual([]);
  });

  it('changes nothing the second time', () => {
    const once = mergePackageJson({ scripts: {} }, service).json;
    expect(mergePackageJson(once, service)).toEqual({
      json: once,
      keptScripts: [],
    });
  });
});

describe('appendMissingLines', () => {
  it.each([
    ['/dist\n', ['/cdk.out'], '/dist\n/cdk.out\n'],
    ['/dist', ['/cdk.out'], '/dist\n/cdk.out\n'],
    ['cdk.out/\n', ['/cdk.out'], 'cdk.out/\n'],
    ['', ['cdk.out'], 'cdk.out\n'],
    ['a\r\nb\r\n', ['c'], 'a\r\nb\r\nc\r\n'],
  ])('%j + %j', (source, lines, expected) => {
    expect(appendMissingLines(source, lines)).toEqual(expected);
  });
});
