import { describe, expect, it } from 'vitest';
import {
  addedPaths,
  changedPaths,
  contentsOf,
  projectTree,
  useScaffoldedService,
} from './utils/service-tree.js';

// How lambda-handler edits existing files: modules with --flat, a stack edited by hand, and the
// standard Nest schematics through the same collection.
const { service, run, runner } = useScaffoldedService('lambda-handler', 'sqs');

describe('lambda-handler --flat', () => {
  it('writes no feature module and lists the handler in the nearest module (AppModule)', async () => {
    const tree = await run({ name: 'refunds', type: 'sqs', flat: true });

    expect(addedPaths(service(), tree)).not.toContain(
      '/src/refunds/refunds.module.ts',
    );
    const appModule = service()['/src/app.module.ts'];
    expect(tree.readText('/src/app.module.ts')).toEqual(
      appModule
        .replace(
          "import { OrderEventsModule } from './order-events/order-events.module.js';\n",
          "import { OrderEventsModule } from './order-events/order-events.module.js';\nimport { RefundsHandler } from './refunds/refunds.handler.js';\n",
        )
        .replace(
          '  imports: [CoreModule, OrderEventsModule],\n',
          '  imports: [CoreModule, OrderEventsModule],\n  providers: [RefundsHandler],\n',
        ),
    );
    // The function boots the module that took its handler.
    expect(tree.readText('/src/functions/refunds.function.ts')).toContain(
      "import { AppModule } from '../app.module.js';",
    );
    expect(tree.readText('/src/functions/refunds.function.ts')).toContain(
      'createEventHandler(AppModule, {',
    );
  });

  it('adds the controller and service of an HTTP function to a module made by `nest g module`', async () => {
    const withModule = await runner.runSchematic(
      'module',
      { name: 'refunds', sourceRoot: 'src' },
      projectTree(service()),
    );
    const files = contentsOf(withModule);
    const tree = await run(
      { name: 'refunds', type: 'http-api', flat: true },
      files,
    );

    expect(tree.readText('/src/refunds/refunds.module.ts')).toEqual(
      [
        "import { Module } from '@nestjs/common';",
        "import { CoreModule } from '../core/core.module.js';",
        "import { RefundsController } from './refunds.controller.js';",
        "import { RefundsService } from './refunds.service.js';",
        '',
        '@Module({',
        '  imports: [CoreModule],',
        '  controllers: [RefundsController],',
        '  providers: [RefundsService],',
        '})',
        'export class RefundsModule {}',
        '',
      ].join('\n'),
    );
    expect(changedPaths(files, tree)).toEqual([
      '/infra/service.stack.ts',
      '/src/refunds/refunds.module.ts',
    ]);
    // The function boots that module, which imports CoreModule as a feature module would.
    expect(tree.readText('/src/functions/refunds.function.ts')).toContain(
      "import { RefundsModule } from '../refunds/refunds.module.js';",
    );
  });

  it('with --flat and no module to take the handler, refuses and names the fix', async () => {
    const files = { ...service() };
    delete files['/src/app.module.ts'];

    await expect(
      run({ name: 'refunds', type: 'sqs', flat: true }, files),
    ).rejects.toThrow(
      '--flat needs a module in src/refunds or above it for the function to boot; run nest g module refunds first, or leave out --flat.',
    );
  });

  it('without --flat, refuses a feature folder that already has its module, pointing at --flat', async () => {
    const withModule = await runner.runSchematic(
      'module',
      { name: 'refunds', sourceRoot: 'src' },
      projectTree(service()),
    );
    await expect(
      run({ name: 'refunds' }, contentsOf(withModule)),
    ).rejects.toThrow(
      'function "refunds" already exists (src/refunds/refunds.module.ts)',
    );
  });
});

describe('lambda-handler and the stack', () => {
  it('adds the construct to a stack the user edited by hand, keeping their lines and comments', async () => {
    const stack = [
      "import * as cdk from 'aws-cdk-lib';",
      "import { Bucket } from 'aws-cdk-lib/aws-s3';",
      "import { OrderEventsFunction } from './functions/order-events.construct.js'; // the queue",
      '',
      'export class Service extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string) {',
      '    super(scope, id);',
      '    // Shared assets',
      "    const bucket = new Bucket(this, 'Assets');",
      "    const events = new OrderEventsFunction(this, 'OrderEvents');",
      '    bucket.grantRead(events.lambdaFunction);',
      '  }',
      '}',
      '',
    ].join('\n');
    const files = { ...service(), '/infra/service.stack.ts': stack };
    const tree = await run({ name: 'payments' }, files);

    expect(tree.readText('/infra/service.stack.ts')).toEqual(
      stack
        .replace(
          '// the queue\n',
          "// the queue\nimport { PaymentsFunction } from './functions/payments.construct.js';\n",
        )
        .replace(
          '    bucket.grantRead(events.lambdaFunction);\n',
          "    bucket.grantRead(events.lambdaFunction);\n    new PaymentsFunction(this, 'Payments');\n",
        ),
    );
  });

  it('refuses a stack file with no stack class, and changes nothing', async () => {
    const files = {
      ...service(),
      '/infra/service.stack.ts': 'export const nothing = 1;\n',
    };
    const tree = projectTree(files);

    await expect(
      runner.runSchematic('lambda-handler', { name: 'payments' }, tree),
    ).rejects.toThrow(
      'infra/service.stack.ts declares no class that extends Stack; add one, or add the construct to your stack by hand.',
    );
    expect(contentsOf(tree)).toEqual(files);
  });

  it('refuses a Nest app without Lambda support, naming init', async () => {
    const files = Object.fromEntries(
      Object.entries(service()).filter(([path]) => !path.startsWith('/infra/')),
    );
    await expect(run({ name: 'payments' }, files)).rejects.toThrow(
      'infra/service.stack.ts not found; lambda-handler adds functions to a create-nest-lambda service (run create-nest-lambda init in a Nest app first).',
    );
  });
});

describe('the standard Nest schematics through this collection', () => {
  it('nest g service billing still works', async () => {
    const tree = await runner.runSchematic(
      'service',
      { name: 'billing', sourceRoot: 'src' },
      projectTree(service()),
    );

    expect(addedPaths(service(), tree)).toEqual([
      '/src/billing/billing.service.spec.ts',
      '/src/billing/billing.service.ts',
    ]);
  });
});
