import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  functionBuildOptions,
  functionPlugins,
  NEST_VALIDATION_IMPORTS,
  type FunctionBuild,
} from '../src/index.js';
import {
  bundleAndImport,
  fixtureFolder,
  REPO_ROOT,
  writeEntry,
} from './bundle-fixture.js';

const NEST_COMMON = join(REPO_ROOT, 'node_modules', '@nestjs', 'common');
const work = fixtureFolder('narrow-validation-');

/**
 * A function's entry as tsc would emit it: a DTO with `decorators` on `name` and `phone`, checked
 * by the global pipe the generated CoreModule sets up.
 */
function entry(id: string, phoneDecorator: string): string {
  return writeEntry(work, id, [
    "import 'reflect-metadata';",
    "import { ValidationPipe } from '@nestjs/common';",
    `import { IsString, ${phoneDecorator.split('(')[0]} } from 'class-validator';`,
    'export class Contact {}',
    "IsString()(Contact.prototype, 'name');",
    `${phoneDecorator}(Contact.prototype, 'phone');`,
    'const pipe = new ValidationPipe({ whitelist: true, transform: true });',
    'export async function check(body) {',
    "  try { const dto = await pipe.transform(body, { type: 'body', metatype: Contact }); return { name: dto.constructor.name, keys: Object.keys(dto) }; }",
    '  catch (error) { return { errors: error.getResponse().message }; }',
    '}',
  ]);
}

async function bundle(id: string, phoneDecorator: string) {
  const fn: FunctionBuild = {
    entry: entry(id, phoneDecorator),
    outdir: join(work, id),
    target: 'node24',
    projectRoot: REPO_ROOT,
    external: [],
    featuresOff: [],
  };
  const unnarrowed = { ...fn, outdir: join(work, `${id}-unnarrowed`) };
  // Every other plugin of the construct, so that the sizes differ by the narrowing alone.
  await build({
    ...functionBuildOptions(unnarrowed),
    plugins: functionPlugins(unnarrowed).filter(
      (plugin) => plugin.name !== 'narrow-validation-imports',
    ),
  });
  const { module, bytes } = await bundleAndImport<{
    check: (body: unknown) => Promise<unknown>;
  }>(fn);
  return {
    check: module.check,
    bytes,
    unnarrowed: statSync(join(unnarrowed.outdir, 'index.mjs')).size,
  };
}

function* javascriptFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    if (name.isDirectory() && name.name !== 'node_modules')
      yield* javascriptFiles(path);
    else if (name.name.endsWith('.js')) yield path;
  }
}

describe('narrowValidationImports', () => {
  it("lists every member @nestjs/common reads from class-validator's and class-transformer's namespaces", () => {
    const used: Record<string, Set<string>> = {
      'class-validator': new Set(),
      'class-transformer': new Set(),
    };
    for (const file of javascriptFiles(NEST_COMMON)) {
      const source = readFileSync(file, 'utf8');
      for (const [, name] of source.matchAll(/\bclassValidator\.(\w+)/g))
        used['class-validator']!.add(name!);
      for (const [, name] of source.matchAll(/\bclassTransformer\.(\w+)/g))
        used['class-transformer']!.add(name!);
    }
    expect(used['class-validator']!.size).toBeGreaterThan(0);
    for (const [pkg, names] of Object.entries(used)) {
      expect([...names].sort()).toEqual(
        [...NEST_VALIDATION_IMPORTS[pkg]!].sort(),
      );
    }
  });

  it('keeps ValidationPipe validating and transforming, without the validators a function does not use', async () => {
    const fn = await bundle('string-only', 'IsOptional()');
    // The whole of class-validator (every validator, libphonenumber's metadata) is about 400 KB.
    expect(fn.unnarrowed - fn.bytes).toBeGreaterThan(300_000);
    await expect(fn.check({ name: 'Ada', extra: 1 })).resolves.toEqual({
      name: 'Contact',
      keys: ['name'],
    });
    await expect(fn.check({ name: 7 })).resolves.toEqual({
      errors: ['name must be a string'],
    });
  }, 60_000);

  it('bundles @IsPhoneNumber, with its metadata, in a function whose DTO uses it', async () => {
    const fn = await bundle('phone', "IsPhoneNumber('GB')");
    expect(fn.bytes).toBeGreaterThan(fn.unnarrowed - 300_000);
    await expect(
      fn.check({ name: 'Ada', phone: '+44 20 7946 0958' }),
    ).resolves.toEqual({ name: 'Contact', keys: ['name', 'phone'] });
    await expect(fn.check({ name: 'Ada', phone: '12' })).resolves.toEqual({
      errors: ['phone must be a valid phone number'],
    });
  }, 60_000);
});
