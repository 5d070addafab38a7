import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importedPackages } from '../src/imported-packages.js';

describe('importedPackages', () => {
  const root = mkdtempSync(join(tmpdir(), 'nest-lambda-dev-imports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lists the bare specifiers of the build's files, without built-ins and relative paths", () => {
    mkdirSync(join(root, 'dist/functions'), { recursive: true });
    writeFileSync(
      join(root, 'dist/functions/api.function.js'),
      `import { createHandler } from '@create-nest-lambda/runtime';\nimport { AppModule } from '../app.module.js';\nexport const handler = await createHandler(AppModule, { trigger: 'http-api' });\n`,
    );
    writeFileSync(
      join(root, 'dist/app.module.js'),
      `import 'reflect-metadata';\nimport { Module } from "@nestjs/common";\nimport { readFileSync } from 'node:fs';\nimport { join } from 'path';\nconst lazy = () => import('class-validator');\n`,
    );
    writeFileSync(join(root, 'dist/app.module.js.map'), `"from 'not-code'"`);

    expect(importedPackages(root)).toEqual([
      '@create-nest-lambda/runtime',
      '@nestjs/common',
      'class-validator',
      'reflect-metadata',
    ]);
  });

  it('is empty before the first build', () => {
    expect(importedPackages(join(root, 'nowhere'))).toEqual([]);
  });
});
