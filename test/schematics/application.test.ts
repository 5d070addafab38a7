import { Tree } from '@angular-devkit/schematics';
import { UnitTestTree } from '@angular-devkit/schematics/testing/index.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectionRunner } from '../support/schematics.js';

const runner = collectionRunner();
const scaffold = (options: Record<string, unknown>, tree?: Tree) =>
  runner.runSchematic(
    'application',
    { name: 'orders-service', ...options },
    tree,
  );

describe('application schematic', () => {
  it('renders the skeleton, the kit and one entry, event and spec per default function', async () => {
    const tree = await scaffold({});
    const files = tree.files;

    for (const file of [
      '/orders-service/package.json',
      '/orders-service/nest-cli.json',
      '/orders-service/.gitignore',
      '/orders-service/src/app.module.ts',
      '/orders-service/src/functions/api.function.ts',
      '/orders-service/src/functions/order-events.function.ts',
      '/orders-service/test/events/api.json',
      '/orders-service/test/events/order-events.json',
      '/orders-service/test/functions/api.function.spec.ts',
      '/orders-service/test/functions/order-events.function.spec.ts',
    ]) {
      expect(files).toContain(file);
    }
    expect(
      files.filter((file) => file.endsWith('.ejs') || file.includes('__')),
    ).toEqual([]);
  });

  it('names this collection in nest-cli.json, so `nest g` runs its schematics', async () => {
    const tree = await scaffold({});

    expect(
      JSON.parse(tree.readText('/orders-service/nest-cli.json')),
    ).toMatchObject({
      collection: 'create-nest-lambda',
      sourceRoot: 'src',
    });
  });

  it('takes dependency ranges from this package and depends on the family packages by version, never by path', async () => {
    const tree = await scaffold({});
    const pkg = JSON.parse(tree.readText('/orders-service/package.json')) as {
      type: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };

    expect(pkg.type).toBe('module');
    expect(Object.keys(pkg.scripts)).toEqual(
      expect.arrayContaining([
        'build',
        'test',
        'lint',
        'format',
        'synth',
        'deploy',
        'invoke',
        'openapi',
      ]),
    );
    // `npm run openapi` compiles with its plugin and reads the documents with it.
    expect(pkg.devDependencies['@nestjs/swagger']).toMatch(/^\^12\./);
    expect(pkg.dependencies['@nestjs/core']).toMatch(/^\^12\./);
    expect(pkg.dependencies).not.toHaveProperty('@nestjs/platform-express');
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    const family = `^${version}`;
    expect(pkg.dependencies['@create-nest-lambda/runtime']).toBe(family);
    expect(pkg.devDependencies['@create-nest-lambda/cdk']).toBe(family);
    expect(pkg.devDependencies['create-nest-lambda']).toBe(family);
    const text = tree.readText('/orders-service/package.json');
    expect(text).not.toMatch(/file:|link:|"\/|[A-Z]:\\/);
    expect(tree.files.filter((f) => f.includes('/src/lambda/'))).toEqual([]);
  });

  it('imports exactly the feature modules of the chosen triggers into AppModule', async () => {
    const tree = await scaffold({ triggers: 'sqs' });
    const appModule = tree.readText('/orders-service/src/app.module.ts');

    expect(appModule).toContain(
      "import { OrderEventsModule } from './order-events/order-events.module.js';",
    );
    expect(appModule).toMatch(/imports: \[CoreModule, OrderEventsModule\]/);
    expect(appModule).not.toContain('OrdersModule');
    expect(tree.files).not.toContain(
      '/orders-service/src/functions/api.function.ts',
    );
  });

  it('with minimal, leaves out the sample domain: each function is its trigger skeleton, named after the trigger', async () => {
    const tree = await scaffold({ minimal: true, triggers: 'sqs,http-api' });
    const src = tree.files
      .filter((file) => file.startsWith('/orders-service/src/'))
      .map((file) => file.replace('/orders-service/src/', ''));
    const appModule = tree.readText('/orders-service/src/app.module.ts');

    expect(src.filter((file) => /order|health|correlation/.test(file))).toEqual(
      [],
    );
    expect(src).toContain('functions/http-api.function.ts');
    expect(src).toContain('sqs/sqs.handler.ts');
    expect(appModule).toMatch(
      /imports: \[CoreModule, HttpApiModule, SqsModule\]/,
    );
    // CoreModule keeps the global ValidationPipe; the correlation id is part of the samples.
    const coreModule = tree.readText('/orders-service/src/core/core.module.ts');
    expect(coreModule).toContain('provide: APP_PIPE');
    expect(coreModule).not.toContain('Correlation');
    expect(tree.readText('/orders-service/README.md')).not.toContain('/health');
    expect(tree.readText('/orders-service/README.md')).not.toContain(
      'correlation id',
    );
  });

  it('gives a function the name after its trigger, with or without minimal, beside the sample', async () => {
    const tree = await scaffold({ triggers: 'sqs:payments,sqs' });
    const functions = tree.files.filter((file) =>
      file.startsWith('/orders-service/src/functions/'),
    );

    expect(functions).toEqual([
      '/orders-service/src/functions/payments.function.ts',
      '/orders-service/src/functions/order-events.function.ts',
    ]);
    // The named one is the skeleton; the other is the order-events sample.
    expect(tree.files).toContain(
      '/orders-service/src/payments/dto/payments.message.ts',
    );
    expect(tree.files).toContain(
      '/orders-service/src/order-events/dto/order-placed.message.ts',
    );
  });

  it('writes into --directory and formats what it renders', async () => {
    const tree = await scaffold({ directory: 'services/orders' });
    const appModule = tree.readText('/services/orders/src/app.module.ts');

    expect(
      tree.files.every((file) => file.startsWith('/services/orders/')),
    ).toBe(true);
    expect(appModule).not.toMatch(/\n\n\n/);
    expect(appModule).not.toContain('"');
  });

  it('refuses a second run over a non-empty folder and leaves the tree as it was', async () => {
    const tree = await scaffold({});
    const before = tree.files.map((file) => [file, tree.readText(file)]);

    await expect(scaffold({}, tree)).rejects.toThrow(
      'directory "orders-service" is not empty; pass --force to replace it, or choose another --directory.',
    );
    expect(tree.files.map((file) => [file, tree.readText(file)])).toEqual(
      before,
    );
  });

  it('with force, replaces a non-empty folder and keeps its git history', async () => {
    const tree = Tree.empty();
    tree.create('/orders-service/stale.ts', 'old');
    tree.create('/orders-service/.git/HEAD', 'ref: refs/heads/main');

    const result = await scaffold({ force: true, triggers: ['sqs'] }, tree);

    expect(result.exists('/orders-service/stale.ts')).toBe(false);
    expect(result.readText('/orders-service/.git/HEAD')).toBe(
      'ref: refs/heads/main',
    );
    expect(
      result.exists('/orders-service/src/functions/order-events.function.ts'),
    ).toBe(true);
  });

  it.each([
    [{ name: 'Orders Service' }, /is not a valid npm package name/],
    [{ name: '../evil' }, /contains a relative path segment/],
    [{ triggers: 'sqs,smtp' }, /unknown trigger "smtp"/],
    [
      { triggers: 'sqs:a:b' },
      /"sqs:a:b" is not a trigger with a function name/,
    ],
    [
      { triggers: 'sqs,sns:order-events' },
      /function "order-events" is asked for twice \(sqs and sns\)/,
    ],
    [
      { minimal: true, triggers: 'sqs:app' },
      /function "app" is a reserved word/,
    ],
    [{ runtime: 'nodejs16.x' }, /Schema|unknown runtime/],
    [{ packageManager: 'bun' }, /Schema|unknown package manager/],
  ])('refuses %j before writing anything', async (options, message) => {
    const tree = new UnitTestTree(Tree.empty());

    await expect(scaffold(options, tree)).rejects.toThrow(message);
    expect(tree.files).toEqual([]);
  });
});
