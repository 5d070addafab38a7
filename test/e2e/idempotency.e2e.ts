import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustRun } from '../../bench/support/exec.js';
import {
  type LocalDynamoDb,
  startLocalDynamoDb,
} from '../../packages/runtime/test/support/local-dynamodb.js';
import { tempDir } from '../support/cli.js';
import {
  invokeBundleWithLogs,
  synthesizedFunctions,
} from './support/bundles.js';
import { GeneratedService, registryEnv } from './support/generated-service.js';

// The handler a user would write: its side effect (a line in a file the test names) is what the
// test counts. The decorator is the one `add --idempotency` generates.
const PAYMENTS_HANDLER = `import { appendFileSync } from 'node:fs';
import { Body } from '@nestjs/common';
import {
  Idempotent,
  LambdaHandler,
  OnSqsMessage,
} from '@create-nest-lambda/runtime';
import { PaymentsMessage } from './dto/payments.message.js';

@LambdaHandler()
export class PaymentsHandler {
  @OnSqsMessage()
  @Idempotent({ expiresAfter: '1h' })
  handle(@Body() message: PaymentsMessage): void {
    appendFileSync(String(process.env.PAYMENTS_LEDGER), \`\${message.message}\\n\`);
  }
}
`;

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, string>;
}

const byPath = (resources: Record<string, Resource>, construct: string) => {
  const found = Object.entries(resources).find(([, resource]) =>
    resource.Metadata?.['aws:cdk:path']?.endsWith(
      `/${construct}/Function/Resource`,
    ),
  );
  if (!found) throw new Error(`no function ${construct} in the template`);
  return found;
};

describe('idempotency: create-nest-lambda add lambda-handler payments --type sqs --idempotency', () => {
  let service: GeneratedService;
  let db: LocalDynamoDb | undefined;
  const npx = (...args: string[]) =>
    mustRun('npx', args, { cwd: service.dir, env: registryEnv() });

  beforeAll(async () => {
    service = await GeneratedService.create('idempotent-service', [
      '--triggers',
      'sqs',
    ]);
  });

  afterAll(async () => {
    await db?.stop();
    service?.printTimings('Timings of the idempotency e2e:');
  }, 30_000);

  it('adds an @Idempotent() SQS function with the idempotency table and packages', async () => {
    const added = await npx(
      'create-nest-lambda',
      'add',
      'lambda-handler',
      'payments',
      '--type',
      'sqs',
      '--idempotency',
    );
    service.timings.push({
      step: 'create-nest-lambda add --idempotency',
      seconds: added.ms / 1000,
    });
    const read = (path: string) =>
      readFileSync(join(service.dir, path), 'utf8');
    expect(read('src/payments/payments.handler.ts')).toContain(
      "@Idempotent({ expiresAfter: '1h' })",
    );
    expect(read('infra/functions/payments.construct.ts')).toContain(
      'idempotency: true',
    );
    const { dependencies } = JSON.parse(read('package.json')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(dependencies)).toEqual(
      expect.arrayContaining([
        '@aws-lambda-powertools/idempotency',
        '@aws-sdk/client-dynamodb',
      ]),
    );

    const install = await mustRun(
      'npm',
      ['install', '--no-audit', '--no-fund'],
      {
        cwd: service.dir,
        env: registryEnv(),
      },
    );
    service.timings.push({ step: 'npm install', seconds: install.ms / 1000 });
    writeFileSync(
      join(service.dir, 'src/payments/payments.handler.ts'),
      PAYMENTS_HANDLER,
    );
  });

  it('synthesizes the table (on demand, TTL, recovery, encryption), its grants and its environment for that function only', async () => {
    await service.script('synth');
    const cdkOut = join(service.dir, 'cdk.out');
    const [templateFile, ...others] = readdirSync(cdkOut).filter((file) =>
      file.endsWith('.template.json'),
    );
    expect(others).toEqual([]);
    const resources = (
      JSON.parse(readFileSync(join(cdkOut, templateFile!), 'utf8')) as {
        Resources: Record<string, Resource>;
      }
    ).Resources;

    const tables = Object.entries(resources).filter(
      ([, resource]) => resource.Type === 'AWS::DynamoDB::Table',
    );
    expect(tables).toHaveLength(1);
    const [tableId, table] = tables[0]!;
    expect(table.Properties).toMatchObject({
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });

    const [, payments] = byPath(resources, 'Payments');
    const [, orderEvents] = byPath(resources, 'OrderEvents');
    const variables = (fn: Resource) =>
      (fn.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
    expect(variables(payments).IDEMPOTENCY_TABLE_NAME).toEqual({
      Ref: tableId,
    });
    expect(variables(orderEvents)).not.toHaveProperty('IDEMPOTENCY_TABLE_NAME');

    const dynamodbStatements = (fn: Resource) => {
      const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })[
        'Fn::GetAtt'
      ][0];
      return Object.values(resources)
        .filter(
          (resource) =>
            resource.Type === 'AWS::IAM::Policy' &&
            JSON.stringify(resource.Properties.Roles) ===
              JSON.stringify([{ Ref: role }]),
        )
        .flatMap(
          (policy) =>
            (
              policy.Properties.PolicyDocument as {
                Statement: { Action: string | string[]; Resource: unknown }[];
              }
            ).Statement,
        )
        .filter((statement) =>
          [statement.Action].flat().some((a) => a.startsWith('dynamodb:')),
        );
    };
    expect(dynamodbStatements(payments)).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:DeleteItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
        ],
        // The table alone: it has no index, so no `<arn>/index/*`.
        Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
      },
    ]);
    expect(dynamodbStatements(orderEvents)).toEqual([]);
  });

  it('passes the cdk-nag AwsSolutions checks with no new acknowledgement', async () => {
    // The service's own stack test: cdk-nag over the whole stack, violations must be [].
    const nag = await npx(
      'vitest',
      'run',
      'test/infra/service.stack.spec.ts',
      '--reporter=verbose',
    );
    expect(nag.stdout).toMatch(/passes the cdk-nag AwsSolutions checks/);
    const sources = readdirSync(join(service.dir, 'infra/functions')).map(
      (file) =>
        readFileSync(join(service.dir, 'infra/functions', file), 'utf8'),
    );
    expect(sources.join('\n')).not.toContain('AwsSolutions-DDB');
  });

  it('runs the handler once for a message delivered twice, from the bundle in cdk.out, against dynalite', async () => {
    db = await startLocalDynamoDb();
    const tableName = 'payments-idempotency';
    await db.createIdempotencyTable(tableName);
    const fn = synthesizedFunctions(service.dir).find(
      (f) => f.name === 'payments',
    );
    if (!fn) throw new Error('cdk.out holds no bundle of payments');

    const work = tempDir('idempotency-invoke');
    const ledger = join(work, 'ledger.txt');
    const eventFile = (name: string, message: string) => {
      const event: SQSEvent = JSON.parse(
        readFileSync(join(service.dir, 'test/events/payments.json'), 'utf8'),
      ) as SQSEvent;
      event.Records = [
        { ...event.Records[0]!, body: JSON.stringify({ message }) },
      ];
      const file = join(work, `${name}.json`);
      writeFileSync(file, JSON.stringify(event));
      return file;
    };
    // Each invocation is a fresh process, as two execution environments are: only the table
    // can tell the second one that the message was handled.
    const invoke = async (file: string) =>
      (
        await invokeBundleWithLogs(fn, file, {
          ...db!.env,
          IDEMPOTENCY_TABLE_NAME: tableName,
          PAYMENTS_LEDGER: ledger,
        })
      ).result as SQSBatchResponse;
    const runs = () =>
      existsSync(ledger)
        ? readFileSync(ledger, 'utf8').split('\n').filter(Boolean)
        : [];

    const charge = eventFile('charge', 'charge order 42');
    expect(await invoke(charge)).toEqual({ batchItemFailures: [] });
    expect(runs()).toEqual(['charge order 42']);
    expect(await invoke(charge)).toEqual({ batchItemFailures: [] });
    expect(runs()).toEqual(['charge order 42']);

    // Another message still runs: the second delivery was skipped, not the handler broken.
    expect(await invoke(eventFile('refund', 'refund order 7'))).toEqual({
      batchItemFailures: [],
    });
    expect(runs()).toEqual(['charge order 42', 'refund order 7']);

    const { Items = [] } = await db.client.send(
      new ScanCommand({ TableName: tableName }),
    );
    expect(Items.map((item) => item.status?.S)).toEqual([
      'COMPLETED',
      'COMPLETED',
    ]);
    for (const item of Items)
      expect(item.id?.S).toMatch(/^payments\.PaymentsHandler\.handle#/);
  }, 180_000);
});
