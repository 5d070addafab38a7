import { describe, expect, it } from 'vitest';
import { HTTP_TRIGGERS, TRIGGERS } from '../../schematics/utils/triggers.js';
import {
  addedPaths,
  changedPaths,
  contentsOf,
  useScaffoldedService,
} from './utils/service-tree.js';

const { service, run, runner } = useScaffoldedService('lambda-handler');

describe('lambda-handler', () => {
  it('adds an SQS function: feature, entry, construct, event, tests; imports its module; adds it to the stack', async () => {
    const tree = await run({ name: 'payments', type: 'sqs' });

    expect(addedPaths(service(), tree)).toEqual([
      '/infra/functions/payments.construct.ts',
      '/src/functions/payments.function.ts',
      '/src/payments/dto/payments.message.ts',
      '/src/payments/payments.handler.spec.ts',
      '/src/payments/payments.handler.ts',
      '/src/payments/payments.module.ts',
      '/test/events/payments.json',
      '/test/functions/payments.function.spec.ts',
    ]);
    expect(changedPaths(service(), tree)).toEqual([
      '/infra/service.stack.ts',
      '/src/app.module.ts',
    ]);
    const appModule = service()['/src/app.module.ts'];
    expect(tree.readText('/src/app.module.ts')).toEqual(
      appModule
        .replace(
          "import { OrderEventsModule } from './order-events/order-events.module.js';\n",
          "import { OrderEventsModule } from './order-events/order-events.module.js';\nimport { PaymentsModule } from './payments/payments.module.js';\n",
        )
        .replace(
          '  imports: [CoreModule, ApiModule, OrderEventsModule],\n',
          '  imports: [CoreModule, ApiModule, OrderEventsModule, PaymentsModule],\n',
        ),
    );
    expect(tree.readText('/infra/service.stack.ts')).toEqual(
      [
        "import { Stack, type StackProps } from 'aws-cdk-lib';",
        "import type { Construct } from 'constructs';",
        "import { ApiFunction } from './functions/api.construct.js';",
        "import { OrderEventsFunction } from './functions/order-events.construct.js';",
        "import { PaymentsFunction } from './functions/payments.construct.js';",
        '',
        '/**',
        ' * The whole service: one construct per Lambda function, each with the resources its trigger needs.',
        ' * It looks nothing up in the account, so it synthesizes anywhere, without credentials.',
        ' */',
        'export class OrdersServiceStack extends Stack {',
        '  constructor(scope: Construct, id: string, props?: StackProps) {',
        '    super(scope, id, props);',
        '',
        "    new ApiFunction(this, 'Api');",
        "    new OrderEventsFunction(this, 'OrderEvents');",
        "    new PaymentsFunction(this, 'Payments');",
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(tree.readText('/src/payments/payments.module.ts')).toEqual(
      [
        "import { Module } from '@nestjs/common';",
        "import { CoreModule } from '../core/core.module.js';",
        "import { PaymentsHandler } from './payments.handler.js';",
        '',
        '@Module({',
        '  imports: [CoreModule],',
        '  providers: [PaymentsHandler],',
        '})',
        'export class PaymentsModule {}',
        '',
      ].join('\n'),
    );
    expect(tree.readText('/src/functions/payments.function.ts')).toEqual(
      [
        "import { createEventHandler } from '@create-nest-lambda/runtime';",
        "import { PaymentsModule } from '../payments/payments.module.js';",
        "import { PaymentsHandler } from '../payments/payments.handler.js';",
        '',
        '/**',
        ' * The payments function: each message of its SQS queue goes through the Nest pipeline to',
        ' * PaymentsHandler.',
        ' */',
        'export const handler = await createEventHandler(PaymentsModule, {',
        "  trigger: 'sqs',",
        '  handler: PaymentsHandler,',
        '});',
        '',
      ].join('\n'),
    );
  });

  it('makes an SQS function when --type is left out', async () => {
    const tree = await run({ name: 'payments' });

    expect(tree.readText('/src/functions/payments.function.ts')).toContain(
      "trigger: 'sqs',",
    );
  });

  it.each(TRIGGERS.map((trigger) => [trigger]))(
    'renders every file of a %s function, with the entry, construct and event at their fixed paths',
    async (trigger) => {
      const tree = await run({ name: 'billing-run', type: trigger });
      const added = addedPaths(service(), tree);

      expect(added).toEqual(
        expect.arrayContaining([
          '/infra/functions/billing-run.construct.ts',
          '/src/functions/billing-run.function.ts',
          '/test/events/billing-run.json',
          '/test/functions/billing-run.function.spec.ts',
          '/src/billing-run/billing-run.module.ts',
          ...(HTTP_TRIGGERS.includes(trigger)
            ? [
                '/src/billing-run/billing-run.controller.ts',
                // The CORS policy the construct and the entry share.
                '/src/functions/billing-run.cors.ts',
              ]
            : ['/src/billing-run/billing-run.handler.ts']),
        ]),
      );
      for (const path of added) {
        expect(path).not.toMatch(/__name__|\.ejs$/);
        expect(tree.readText(path)).not.toMatch(/<%|%>/);
      }
      expect(tree.readText('/src/functions/billing-run.function.ts')).toContain(
        `trigger: '${trigger}'`,
      );
      expect(tree.readText('/infra/service.stack.ts')).toContain(
        "    new BillingRunFunction(this, 'BillingRun');\n",
      );
      expect(tree.readText('/src/app.module.ts')).toContain(
        "import { BillingRunModule } from './billing-run/billing-run.module.js';\n",
      );
      // The entry boots the function's own module, never AppModule.
      const entry = tree.readText('/src/functions/billing-run.function.ts');
      // Event functions use createEventHandler, whose bundle holds none of the HTTP stack.
      const create = HTTP_TRIGGERS.includes(trigger)
        ? 'createHandler'
        : 'createEventHandler';
      expect(entry).toContain(`await ${create}(BillingRunModule, {`);
      expect(entry).not.toContain('AppModule');
    },
  );

  it('refuses a name that exists, in one line, and changes nothing', async () => {
    const once = await run({ name: 'payments', type: 's3' });
    const before = contentsOf(once);

    await expect(
      runner.runSchematic(
        'lambda-handler',
        { name: 'payments', type: 'sqs' },
        once,
      ),
    ).rejects.toThrow(
      /^function "payments" already exists \(infra\/functions\/payments\.construct\.ts and \d+ more\); choose another name\. Nothing was changed\.$/,
    );
    expect(contentsOf(once)).toEqual(before);
  });

  it("refuses the scaffold's own functions", async () => {
    await expect(run({ name: 'order-events', type: 'sqs' })).rejects.toThrow(
      'function "order-events" already exists (infra/functions/order-events.construct.ts and 6 more)',
    );
  });

  it('refuses a service without CoreModule, which the new module imports', async () => {
    const files = { ...service() };
    delete files['/src/core/core.module.ts'];

    await expect(run({ name: 'payments', type: 'sqs' }, files)).rejects.toThrow(
      "src/core/core.module.ts not found: the function's module imports CoreModule (the correlation id and the global ValidationPipe every function needs); add it as a newly scaffolded service has it.",
    );
  });

  it.each([
    [
      'spaces',
      'payment events',
      'function "payment events" contains spaces; use dashes, e.g. "payment-events".',
    ],
    [
      'path traversal',
      '../x',
      'function "../x" is not a valid name; use letters, digits and dashes, starting with a letter, e.g. "payment-events".',
    ],
    ['a slash', 'a/b', 'function "a/b" is not a valid name'],
    [
      'a reserved word',
      'class',
      'function "class" is a reserved word; choose another name, e.g. "class-handler".',
    ],
    ["a kit folder's name", 'lambda', 'function "lambda" is a reserved word'],
  ])('refuses a name with %s', async (_what, name, message) => {
    await expect(run({ name, type: 'sqs' })).rejects.toThrow(message);
  });

  it.each([
    [
      { type: 'ftp' },
      'unknown trigger "ftp"; pass --type with one of: http-api, rest-api, function-url, alb, sqs, sqs-fifo, sns, s3, eventbridge, schedule, dynamodb-stream, kinesis, invoke.',
    ],
    [
      { path: 'billing' },
      'lambda-handler places its files by convention and takes no path ("billing"); leave the path out.',
    ],
    [
      { language: 'js' },
      'lambda-handler generates TypeScript only, not "js"; set "language": "ts" in nest-cli.json.',
    ],
    [
      { sourceRoot: 'lib' },
      'lambda-handler needs the sources in a folder named src, not "lib"; set "sourceRoot": "src" in nest-cli.json.',
    ],
  ])('refuses the options %j', async (options, message) => {
    await expect(run({ name: 'payments', ...options })).rejects.toThrow(
      message,
    );
  });

  it('accepts every option the Nest CLI injects', async () => {
    const tree = await run({
      name: 'payments',
      type: 'sns',
      language: 'ts',
      sourceRoot: 'src',
      spec: true,
      flat: false,
      specFileSuffix: 'spec',
      skipImport: false,
      format: false,
    });
    expect(tree.exists('/src/payments/payments.handler.ts')).toBe(true);
  });

  it('leaves the specs out with --no-spec, and renames them with --spec-file-suffix', async () => {
    const noSpec = await run({ name: 'payments', spec: false });
    expect(
      addedPaths(service(), noSpec).filter((path) => path.includes('.spec.')),
    ).toEqual([]);

    const suffixed = await run({ name: 'payments', specFileSuffix: 'test' });
    expect(
      addedPaths(service(), suffixed).filter((path) =>
        /\.(spec|test)\.ts$/.test(path),
      ),
    ).toEqual([
      '/src/payments/payments.handler.test.ts',
      '/test/functions/payments.function.test.ts',
    ]);
  });

  it('with --skip-import, leaves the modules alone but still adds the construct to the stack', async () => {
    const tree = await run({ name: 'payments', skipImport: true });

    expect(changedPaths(service(), tree)).toEqual(['/infra/service.stack.ts']);
  });
});
