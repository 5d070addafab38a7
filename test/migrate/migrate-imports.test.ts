import { describe, expect, it } from 'vitest';
import {
  collectImportGraph,
  packageName,
  specifiersOf,
} from '../../schematics/migrate/sources/handler/imports.js';

const access = (files: Record<string, string>) => ({
  read: (path: string) => files[path],
});

describe('specifiersOf', () => {
  it('finds require, require.resolve, import, export-from, import() and import = require', () => {
    const text = [
      "const a = require('./a');",
      "const b = require.resolve('./b.json');",
      "import c from './c.js';",
      "import './d.js';",
      "export { e } from './e.js';",
      "export * from './f.js';",
      "const g = await import('./g.mjs');",
      "import h = require('./h');",
      "import type { SQSEvent } from 'aws-lambda';",
      "export type { Shape } from './types.js';",
      'const i = require(name);',
      'const j = import(`./${name}.js`);',
    ].join('\n');
    expect(specifiersOf('x.ts', text)).toEqual({
      specifiers: [
        './a',
        './b.json',
        './c.js',
        './d.js',
        './e.js',
        './f.js',
        './g.mjs',
        './h',
      ],
      typeOnly: ['aws-lambda', './types.js'],
      dynamic: ['name', '`./${name}.js`'],
    });
  });
});

describe('collectImportGraph', () => {
  it('follows local files through CommonJS, ESM and TypeScript lookups, once each', () => {
    const files = {
      '/src/handlers/orders.js': [
        "const db = require('../lib/db');",
        "const config = require('./config.json');",
        "const { v4 } = require('uuid');",
        "const fs = require('fs');",
        "const path = require('node:path');",
        "require('@aws-sdk/client-sqs/dist-cjs/index.js');",
      ].join('\n'),
      '/src/lib/db/index.js': "module.exports = require('./pool.cjs');",
      '/src/lib/db/pool.cjs': "const db = require('.');\nmodule.exports = {};",
      '/src/handlers/config.json': '{ "table": "orders" }',
    };
    expect(
      collectImportGraph('/src/handlers/orders.js', access(files)),
    ).toEqual({
      files: [
        '/src/handlers/orders.js',
        '/src/lib/db/index.js',
        '/src/handlers/config.json',
        '/src/lib/db/pool.cjs',
      ],
      packages: ['@aws-sdk/client-sqs', 'uuid'],
      typePackages: [],
      unresolved: [],
      dynamic: [],
    });
  });

  it('maps ./x.js to ./x.ts in TypeScript sources and reports what it cannot find', () => {
    const files = {
      '/app/handler.ts':
        "import { a } from './a.js';\nimport { b } from './missing.js';",
      '/app/a.ts': 'export const a = require(`./${process.env.X}`);',
    };
    expect(collectImportGraph('/app/handler.ts', access(files))).toEqual({
      files: ['/app/handler.ts', '/app/a.ts'],
      packages: [],
      typePackages: [],
      unresolved: ['/app/handler.ts: ./missing.js'],
      dynamic: ['/app/a.ts: `./${process.env.X}`'],
    });
  });
});

describe('packageName', () => {
  it.each([
    ['uuid', 'uuid'],
    ['lodash/get', 'lodash'],
    ['@aws-sdk/client-s3', '@aws-sdk/client-s3'],
    ['@middy/core/dist/index.js', '@middy/core'],
  ])('%s → %s', (specifier, name) => {
    expect(packageName(specifier)).toBe(name);
  });
});
