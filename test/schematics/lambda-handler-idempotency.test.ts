import { describe, expect, it } from 'vitest';
import {
  addedPaths,
  changedPaths,
  useScaffoldedService,
} from './utils/service-tree.js';

const { service, run } = useScaffoldedService('lambda-handler');

describe('lambda-handler --idempotency', () => {
  it('makes the SQS handler @Idempotent(), gives its function the idempotency table, and adds the packages it loads', async () => {
    const tree = await run({
      name: 'payments',
      type: 'sqs',
      idempotency: true,
    });

    expect(changedPaths(service(), tree)).toEqual([
      '/infra/service.stack.ts',
      '/package.json',
      '/src/app.module.ts',
    ]);
    const handler = tree.readText('/src/payments/payments.handler.ts');
    expect(handler).toContain(
      [
        'import {',
        '  Idempotent,',
        '  LambdaHandler,',
        '  OnSqsMessage,',
        "} from '@create-nest-lambda/runtime';",
      ].join('\n'),
    );
    expect(handler).toContain(
      [
        '  @OnSqsMessage()',
        "  @Idempotent({ expiresAfter: '1h' })",
        '  handle(@Body() message: PaymentsMessage): void {',
      ].join('\n'),
    );
    expect(tree.readText('/infra/functions/payments.construct.ts')).toContain(
      [
        '      timeout,',
        "      // The service's idempotency table, for the handler's @Idempotent() method.",
        '      idempotency: true,',
        '    });',
      ].join('\n'),
    );
    expect(
      tree.readText('/test/functions/payments.function.spec.ts'),
    ).toContain("process.env.POWERTOOLS_IDEMPOTENCY_DISABLED = 'true';");
    const before = JSON.parse(service()['/package.json']) as {
      dependencies: Record<string, string>;
    };
    const after = JSON.parse(tree.readText('/package.json')) as {
      dependencies: Record<string, string>;
    };
    expect(after).toEqual({
      ...before,
      dependencies: expect.objectContaining({
        ...before.dependencies,
        '@aws-lambda-powertools/idempotency': expect.stringMatching(/^\^2\./),
        '@aws-sdk/client-dynamodb': expect.stringMatching(/^\^3\./),
      }),
    });
    expect(Object.keys(after.dependencies)).toEqual(
      Object.keys(after.dependencies).sort((a, b) => a.localeCompare(b)),
    );
  });

  it('leaves it all out by default', async () => {
    const tree = await run({ name: 'payments', type: 'sqs' });
    expect(tree.readText('/src/payments/payments.handler.ts')).not.toContain(
      'Idempotent',
    );
    expect(
      tree.readText('/infra/functions/payments.construct.ts'),
    ).not.toContain('idempotency');
    expect(changedPaths(service(), tree)).not.toContain('/package.json');
    expect(addedPaths(service(), tree)).toHaveLength(8);
  });

  it('refuses it for a trigger whose template has no idempotent handler', async () => {
    await expect(
      run({ name: 'alerts', type: 'sns', idempotency: true }),
    ).rejects.toThrow(
      '--idempotency is for sqs functions; add @Idempotent() to a sns handler by hand.',
    );
  });
});
