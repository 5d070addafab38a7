import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NestFunction, type NestFunctionProps } from '../src/index.js';

// A built service as NestFunction finds it: package.json, a lock file and the tsc output.
const serviceRoot = mkdtempSync(join(tmpdir(), 'nest-function-'));
writeFileSync(
  join(serviceRoot, 'package.json'),
  JSON.stringify({ name: 'orders-service', dependencies: {} }),
);
writeFileSync(join(serviceRoot, 'package-lock.json'), '{}');
mkdirSync(join(serviceRoot, 'dist', 'functions'), { recursive: true });
for (const name of ['orders', 'payments', 'reports']) {
  writeFileSync(
    join(serviceRoot, 'dist', 'functions', `${name}.function.js`),
    'export const handler = async () => undefined;\n',
  );
}
afterAll(() => rmSync(serviceRoot, { recursive: true, force: true }));

type Options = Omit<NestFunctionProps, 'runtime' | 'serviceRoot'>;

// Bundling is skipped: these tests are about the template, not the bundle.
function synth(...functions: Options[]) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'OrdersService');
  const created = functions.map(
    (props) =>
      new NestFunction(stack, props.name, {
        runtime: Runtime.NODEJS_LATEST,
        serviceRoot,
        ...props,
      }),
  );
  const nag = new AwsSolutionsChecks(stack, { verbose: true }).validateScope(
    stack,
  );
  return { template: Template.fromStack(stack), created, nag };
}

const logicalId = (construct: IConstruct) =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);

const properties = (template: Template, fn: NestFunction) =>
  template.toJSON().Resources[logicalId(fn)].Properties as {
    Environment: { Variables: Record<string, unknown> };
    TracingConfig?: unknown;
  };

const variables = (template: Template, fn: NestFunction) =>
  properties(template, fn).Environment.Variables;

describe('NestFunction features', () => {
  it('adds nothing when no feature is asked for', () => {
    const { template, created, nag } = synth({ name: 'orders' });
    // No NODE_OPTIONS: the runtime source-maps the stacks it logs (--enable-source-maps would
    // parse the map at every cold start).
    expect(variables(template, created[0]!)).toEqual({
      POWERTOOLS_SERVICE_NAME: 'orders-service',
    });
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
    expect(properties(template, created[0]!).TracingConfig).toBeUndefined();
    expect(nag.violations).toEqual([]);
  });

  it('creates one idempotency table for the functions that ask for it, grants each its four calls on it, and names it in their environment', () => {
    const { template, created, nag } = synth(
      { name: 'orders', idempotency: true },
      { name: 'payments', idempotency: true },
      { name: 'reports' },
    );
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: {
          AttributeName: 'expiration',
          Enabled: true,
        },
        PointInTimeRecoverySpecification: {
          PointInTimeRecoveryEnabled: true,
        },
        SSESpecification: { SSEEnabled: true },
      },
      DeletionPolicy: 'Retain',
    });
    const tableId = Object.keys(
      template.findResources('AWS::DynamoDB::Table'),
    )[0]!;
    for (const fn of created.slice(0, 2)) {
      expect(variables(template, fn)).toMatchObject({
        IDEMPOTENCY_TABLE_NAME: { Ref: tableId },
      });
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: logicalId(fn.role!) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Allow',
              Action: [
                'dynamodb:GetItem',
                'dynamodb:PutItem',
                'dynamodb:UpdateItem',
                'dynamodb:DeleteItem',
              ],
              Resource: [{ 'Fn::GetAtt': [tableId, 'Arn'] }],
            },
          ]),
        },
      });
    }
    expect(variables(template, created[2]!)).not.toHaveProperty(
      'IDEMPOTENCY_TABLE_NAME',
    );
    expect(nag.violations).toEqual([]);
  });

  it('turns on X-Ray active tracing with its permissions, and Powertools tracing and metrics through the environment', () => {
    const { template, created, nag } = synth({
      name: 'orders',
      tracing: true,
      metrics: { namespace: 'Orders' },
    });
    const fn = created[0]!;
    expect(properties(template, fn).TracingConfig).toEqual({ Mode: 'Active' });
    expect(variables(template, fn)).toMatchObject({
      POWERTOOLS_TRACE_ENABLED: 'true',
      POWERTOOLS_METRICS_NAMESPACE: 'Orders',
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
            Resource: '*',
          },
        ]),
      },
    });
    expect(nag.violations).toEqual([]);
  });
});
