import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../support/cli.js';
import { collectionRunner } from '../support/schematics.js';
import { NestFunction } from '@create-nest-lambda/cdk';

const runner = collectionRunner();

/** A one-function scaffold with these options, at the root of the tree. */
function scaffold(options: Record<string, unknown>) {
  return runner.runSchematic('application', {
    name: 'orders-service',
    directory: '.',
    triggers: 'sqs',
    ...options,
  });
}

/**
 * Writes the scaffold's `infra/service.config.ts` beside a stub entry and lock file in a folder outside the
 * repository (its node_modules is this repository's), and synthesizes one NestFunction with the
 * service's runtime, bundling skipped, as the generated stack spec does.
 */
async function synthesizeFunction(options: Record<string, unknown>) {
  const tree = await scaffold(options);
  const root = tempDir('runtime');
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  for (const path of ['package.json', 'infra/service.config.ts']) {
    write(path, tree.readText(`/${path}`));
  }
  write('package-lock.json', '{}\n');
  write('dist/functions/order-events.function.js', 'export {};\n');
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));

  const config = (await import(
    pathToFileURL(join(root, 'infra/service.config.ts')).href
  )) as { LAMBDA_RUNTIME: Runtime };

  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'OrdersService');
  new NestFunction(stack, 'OrderEvents', {
    name: 'order-events',
    runtime: config.LAMBDA_RUNTIME,
    serviceRoot: root,
  });
  const report = new AwsSolutionsChecks(stack, { verbose: true }).validateScope(
    stack,
  );
  const functions = Template.fromStack(stack).findResources(
    'AWS::Lambda::Function',
  );
  return {
    runtimes: Object.values(functions).map(
      (fn) => (fn as { Properties: { Runtime: string } }).Properties.Runtime,
    ),
    violations: report.violations.map((violation) => violation.ruleName),
    // What Validations.of(fn).acknowledge() recorded; cdk-nag skips the findings listed there.
    acknowledged: stack.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter(
        (entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
      )
      .map((entry) => entry.data as unknown),
  };
}

describe('application schematic: the Lambda runtime', () => {
  it('is nodejs24.x by default, the latest runtime of the installed aws-cdk-lib', async () => {
    const tree = await scaffold({});

    expect(tree.readText('/infra/service.config.ts')).toContain(
      'export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;',
    );
    // The construct acknowledges AwsSolutions-L1 for any runtime but this one: when aws-cdk-lib
    // moves NODEJS_LATEST on, the default moves with it (or gets the acknowledgement).
    expect(Runtime.NODEJS_LATEST.name).toBe('nodejs24.x');
  });

  it('is nodejs22.x when asked', async () => {
    const tree = await scaffold({ runtime: 'nodejs22.x' });

    expect(tree.readText('/infra/service.config.ts')).toContain(
      'export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;',
    );
  });

  it('passes cdk-nag on nodejs24.x with no acknowledgement of AwsSolutions-L1', async () => {
    const result = await synthesizeFunction({});

    expect(result.runtimes).toEqual(['nodejs24.x']);
    expect(result.violations).toEqual([]);
    expect(result.acknowledged).toEqual([]);
  }, 60_000);

  it('passes cdk-nag on nodejs22.x by acknowledging AwsSolutions-L1', async () => {
    const result = await synthesizeFunction({ runtime: 'nodejs22.x' });

    expect(result.runtimes).toEqual(['nodejs22.x']);
    expect(result.violations).toEqual([]);
    expect(result.acknowledged).toEqual([
      {
        'Annotation::AwsSolutions-L1': expect.stringMatching(
          /^nodejs22\.x is chosen in infra\/service\.config\.ts/,
        ) as unknown,
      },
    ]);
  }, 60_000);
});
