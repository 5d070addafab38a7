import * as prettier from 'prettier';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addedPaths,
  changedPaths,
  contentsOf,
  useScaffoldedFiles,
} from '../schematics/utils/service-tree.js';
import { LEGACY, migrate } from './support/migrate-runner.js';

const service = useScaffoldedFiles();

const fixture = (path: string) => readFileSync(join(LEGACY, path));

describe('migrate a handler', () => {
  it('copies the legacy module and its local files unchanged, and adds handler, module, entry, construct, event, test', async () => {
    const tree = await migrate(service(), {
      source: 'handlers/callback.js#handler',
    });

    expect(addedPaths(service(), tree)).toEqual([
      '/MIGRATION.md',
      '/infra/functions/callback.construct.ts',
      '/infra/legacy/shared.ts',
      '/src/callback/callback.handler.ts',
      '/src/callback/callback.module.ts',
      '/src/functions/callback.function.ts',
      '/src/legacy/callback/callback.js',
      '/src/legacy/callback/lib/config.json',
      '/src/legacy/callback/lib/format.js',
      '/src/legacy/callback/package.json',
      '/src/legacy/invoke-legacy.ts',
      '/test/events/callback.json',
      '/test/functions/callback.legacy.spec.ts',
      '/test/support/deterministic.ts',
    ]);
    expect(changedPaths(service(), tree)).toEqual([
      '/.oxlintrc.json',
      '/.prettierignore',
      '/infra/service.stack.ts',
      '/nest-cli.json',
      '/src/app.module.ts',
      '/tsconfig.json',
    ]);
    for (const path of ['callback.js', 'lib/format.js', 'lib/config.json']) {
      expect(tree.readContent(`/src/legacy/callback/${path}`)).toEqual(
        fixture(`handlers/${path}`).toString('utf8'),
      );
    }
    // The fixture's package.json has no type: CommonJS, as Node read it.
    expect(tree.readJson('/src/legacy/callback/package.json')).toEqual({
      type: 'commonjs',
    });
    expect(tree.readText('/src/functions/callback.function.ts')).toEqual(
      [
        "import { createEventHandler } from '@create-nest-lambda/runtime';",
        "import { CallbackModule } from '../callback/callback.module.js';",
        "import { CallbackHandler } from '../callback/callback.handler.js';",
        '',
        '/**',
        ' * The callback function, migrated from',
        ' * handlers/callback.js#handler.',
        ' * The `invoke` trigger hands the whole event to CallbackHandler and returns its answer as',
        ' * it is, whatever the event source: the legacy handler keeps answering exactly as before.',
        " * It boots CallbackModule alone, so its bundle holds this legacy code and no other function's.",
        ' */',
        'export const handler = await createEventHandler(CallbackModule, {',
        "  trigger: 'invoke',",
        '  handler: CallbackHandler,',
        '});',
        '',
      ].join('\n'),
    );
    expect(tree.readText('/src/callback/callback.handler.ts')).toContain(
      [
        "import * as legacyModule from '../legacy/callback/callback.js';",
        '',
        '/**',
        ' * The legacy handler `handler` of',
        ' * handlers/callback.js#handler,',
      ].join('\n'),
    );
    expect(tree.readText('/src/callback/callback.handler.ts')).toContain(
      [
        '@LambdaHandler()',
        'export class CallbackHandler {',
        "  private readonly legacy = legacyExport(legacyModule, 'handler');",
        '',
        '  @OnInvoke()',
        '  handle(',
        '    @Event() event: unknown,',
        '    @LambdaContext() context: Context,',
        '  ): Promise<unknown> {',
        '    return invokeLegacy(this.legacy, event, context);',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(tree.readText('/src/app.module.ts')).toContain(
      "import { CallbackModule } from './callback/callback.module.js';",
    );
    expect(tree.readText('/infra/service.stack.ts')).toContain(
      "    new CallbackFunction(this, 'Callback');\n",
    );
    expect(tree.readJson('/nest-cli.json')).toMatchObject({
      compilerOptions: { assets: [{ include: 'legacy/**/*.json' }] },
    });
    expect(tree.readJson('/tsconfig.json')).toMatchObject({
      compilerOptions: { allowJs: true },
    });
    expect(tree.readText('/.prettierignore').split('\n')).toContain(
      'src/legacy/*/',
    );
    expect(tree.readJson('/.oxlintrc.json')).toMatchObject({
      ignorePatterns: expect.arrayContaining(['src/legacy/*/**']) as unknown,
    });
    expect(tree.readJson('/test/events/callback.json')).toEqual({});
  });

  it('keeps the module format of ESM and TypeScript sources, and infers the trigger', async () => {
    const tree = await migrate(service(), { source: 'handlers/typed.handler' });

    expect(tree.readText('/src/legacy/typed/typed.ts')).toEqual(
      `// @ts-nocheck: legacy code, built as it was before the migration (not type-checked under the service tsconfig).\n${fixture('handlers/typed.ts').toString('utf8')}`,
    );
    expect(tree.readText('/src/typed/typed.handler.ts')).toContain(
      "import * as legacyModule from '../legacy/typed/typed.js';",
    );
    expect(tree.readText('/infra/functions/typed.construct.ts')).toContain(
      'this.lambdaFunction.addEventSource(new SqsEventSource(typedQueue(this)));',
    );
    expect(tree.readText('/infra/legacy/typed.resources.ts')).toContain(
      "return shared(scope, 'TypedQueue', (stack, id) => {",
    );
    expect(tree.readText('/MIGRATION.md')).toContain(
      'trigger of typed: inferred sqs because its event type is SQSEvent; pass --type to choose another',
    );
  });

  it('takes --name and --type over what it would infer', async () => {
    const tree = await migrate(service(), {
      source: 'handlers/reads-fields.js#handler',
      name: 'thumbnails',
      type: 'invoke',
    });

    expect(tree.exists('/src/functions/thumbnails.function.ts')).toBe(true);
    expect(
      tree.readText('/infra/functions/thumbnails.construct.ts'),
    ).not.toContain('addEvent');
    expect(tree.exists('/infra/legacy/thumbnails.resources.ts')).toBe(false);
  });

  it('refuses a function name the service already has, and changes nothing', async () => {
    const once = contentsOf(
      await migrate(service(), { source: 'handlers/callback.js#handler' }),
    );

    await expect(
      migrate(once, { source: 'handlers/callback.js#handler' }),
    ).rejects.toThrow(
      'the service already has a function "callback" (src/callback); pass --name to choose another name, or --force to replace it. Nothing was changed.',
    );
  });

  it('refuses a service without CoreModule, which each migrated module imports', async () => {
    const files = { ...service() };
    delete files['/src/core/core.module.ts'];

    await expect(
      migrate(files, { source: 'handlers/callback.js#handler' }),
    ).rejects.toThrow(
      'src/core/core.module.ts (the module every function imports) not found; run migrate in a service made by create-nest-lambda, or pass its folder with --project.',
    );
  });

  it('replaces it with --force, leaving no stale legacy file behind', async () => {
    const once = await migrate(service(), {
      source: 'handlers/callback.js#handler',
    });
    once.create('/src/legacy/callback/stale.js', 'old');
    const files = contentsOf(once);

    const twice = await migrate(files, {
      source: 'handlers/callback.js#handler',
      force: true,
    });

    expect(twice.exists('/src/legacy/callback/stale.js')).toBe(false);
    expect(contentsOf(twice)).toEqual({
      ...Object.fromEntries(
        Object.entries(files).filter(([path]) => !path.endsWith('stale.js')),
      ),
      // A second run appends its own section to MIGRATION.md; all else is as the first run left it.
      '/MIGRATION.md': contentsOf(twice)['/MIGRATION.md'],
    });
    expect(contentsOf(twice)['/MIGRATION.md']?.match(/^## /gm)).toHaveLength(2);
  });
});

describe('migrate refuses bad input with one line naming the fix', () => {
  const broken = mkdtempSync(join(tmpdir(), 'cnl-migrate-broken-'));
  writeFileSync(
    join(broken, 'broken.js'),
    'exports.handler = async (event) => {\n  return [event;\n};\n',
  );
  writeFileSync(
    join(broken, 'imports-broken.js'),
    "exports.handler = require('./broken.js').handler;\n",
  );
  writeFileSync(
    join(broken, 'template.yaml'),
    'Resources:\n  Report:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n',
  );

  it.each([
    [
      { source: join(broken, 'broken.js#handler') },
      /broken\.js:2 does not parse \(.+\); fix the syntax and retry/,
    ],
    [
      { source: join(broken, 'imports-broken.js#handler') },
      /broken\.js:2 does not parse \(.+\); fix the syntax and retry/,
    ],
    [
      { source: 'handlers/callback.js#missing' },
      'callback.js has no export "missing" (it exports handler, twice, failing, failingWithString, eager); name the export that is the handler',
    ],
    [
      { source: 'handlers/not-a-function.js#handler' },
      'not-a-function.js exports "handler", but it is not a function; name the handler function',
    ],
    [
      { source: 'handlers/nowhere.handler' },
      'handler file handlers/nowhere{.js,.cjs,.mjs,.ts,.cts,.mts} not found',
    ],
    [
      { source: 'nowhere/serverless.yml' },
      'nowhere/serverless.yml not found; check the path',
    ],
    [
      { source: join(broken, 'template.yaml') },
      'has no Node.js function to migrate; check its functions and their Runtime',
    ],
    [
      { source: 'sam-app/template.yaml', type: 'sqs' },
      '--type applies to a handler file',
    ],
    [
      { source: 'sam-app/template.yaml', name: 'Nope' },
      'sam-app/template.yaml has no Node.js function Nope; check --name',
    ],
  ])('%j', async (options, message) => {
    await expect(migrate(service(), options)).rejects.toThrow(message);
  });
});

describe('migrate a template', () => {
  it('migrates every Node.js function of a serverless.yml and reports what it left behind', async () => {
    const tree = await migrate(service(), {
      source: 'serverless-app/serverless.yml',
    });

    expect(
      addedPaths(service(), tree).filter((path) =>
        path.startsWith('/src/functions/'),
      ),
    ).toEqual([
      '/src/functions/create-order.function.ts',
      '/src/functions/list-orders.function.ts',
      '/src/functions/nightly.function.ts',
      '/src/functions/notify.function.ts',
      '/src/functions/on-order-event.function.ts',
      '/src/functions/on-table-change.function.ts',
      '/src/functions/on-upload.function.ts',
      '/src/functions/process-queue.function.ts',
    ]);
    const report = tree.readText('/MIGRATION.md');
    for (const item of [
      'function report',
      'runs python3.12, not Node.js; it was skipped',
      'plugin serverless-offline',
      'provider.layers',
      'functions.onUpload.vpc',
      'custom resource SeedData (Custom::SeedData)',
      '${cf:billing-${sls:stage}.QueueUrl}',
    ]) {
      expect(report).toContain(item);
    }
    expect(
      tree.readText('/infra/functions/process-queue.construct.ts'),
    ).toContain(
      [
        '    this.lambdaFunction.addEventSource(',
        '      new SqsEventSource(ordersQueue(this), {',
        '        batchSize: 5,',
        '        reportBatchItemFailures: true,',
        '      }),',
        '    );',
      ].join('\n'),
    );
    expect(
      tree.readText('/infra/legacy/serverless-app.resources.ts'),
    ).toContain(
      [
        '      deadLetterQueue: {',
        '        queue: ordersDeadLetterQueue(scope),',
        '        maxReceiveCount: 5,',
        '      },',
      ].join('\n'),
    );
  });

  it('migrates only the functions --name picks', async () => {
    const tree = await migrate(service(), {
      source: 'sam-app/template.yaml',
      name: 'WorkerFunction',
    });

    expect(
      addedPaths(service(), tree).filter((path) =>
        path.startsWith('/src/functions/'),
      ),
    ).toEqual(['/src/functions/worker-function.function.ts']);
    expect(tree.readText('/infra/legacy/sam-app.resources.ts')).not.toContain(
      'uploadsBucket',
    );
  });
});

describe('the sample event', () => {
  it("is written in the service's Prettier style, so its format:check passes", async () => {
    // Aimed at its route (GET /orders), the event is rewritten, not copied.
    const tree = await migrate(service(), {
      source: 'serverless-app/serverless.yml',
      name: 'listOrders',
    });
    const text = tree.readText('/test/events/list-orders.json');
    const config = JSON.parse(service()['/.prettierrc'] ?? '{}') as object;

    expect(
      await prettier.format(text, {
        ...config,
        filepath: '/test/events/list-orders.json',
      }),
    ).toBe(text);
  });
});
