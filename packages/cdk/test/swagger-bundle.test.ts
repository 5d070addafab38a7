import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalModules, type FunctionBuild } from '../src/index.js';
import {
  bundleAndImport,
  fixtureFolder,
  REPO_ROOT,
  writeEntry,
} from './bundle-fixture.js';

const work = fixtureFolder('swagger-bundle-');

describe('a function that imports @nestjs/swagger', () => {
  // @nestjs/swagger requires @fastify/static for Fastify apps only; esbuild failed on it
  // ("Could not resolve") in every function that used a Swagger decorator.
  it('bundles with the construct’s externals and runs its decorators', async () => {
    const fn: FunctionBuild = {
      entry: writeEntry(work, 'documented', [
        "import 'reflect-metadata';",
        "import { ApiProperty, DocumentBuilder } from '@nestjs/swagger';",
        'export class Order {}',
        "ApiProperty({ description: 'the id' })(Order.prototype, 'id');",
        "export const title = new DocumentBuilder().setTitle('orders').build().info.title;",
      ]),
      outdir: join(work, 'documented'),
      target: 'node24',
      projectRoot: REPO_ROOT,
      external: externalModules({}),
      featuresOff: [],
    };

    const { module } = await bundleAndImport<{ title: string }>(fn);

    expect(module.title).toBe('orders');
  });
});
