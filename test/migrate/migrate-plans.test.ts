import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  MigrationPlan,
  PlannedFunction,
} from '../../schematics/migrate/plan/plan.js';
import { renderConstruct } from '../../schematics/migrate/render/render-construct.js';
import { planFromSource } from '../../schematics/migrate/sources/plan-from-source.js';
import { LEGACY } from './support/migrate-runner.js';

const plan = (source: string, name?: string): MigrationPlan =>
  planFromSource({
    source,
    cwd: LEGACY,
    ...(name === undefined ? {} : { name }),
  });
const fn = (p: MigrationPlan, name: string): PlannedFunction => {
  const found = p.functions.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const subjects = (p: MigrationPlan) => p.notMigrated.map((f) => f.subject);

describe('serverless.yml (Framework v3)', () => {
  const p = plan('serverless-app/serverless.yml');

  it('plans every Node.js function with its handler file and export', () => {
    expect(
      p.functions.map((f) => [f.name, f.sourceName, f.handler.exportName]),
    ).toEqual([
      ['create-order', 'createOrder', 'create'],
      ['list-orders', 'listOrders', 'list'],
      ['process-queue', 'processQueue', 'consume'],
      ['on-upload', 'onUpload', 'handler'],
      ['nightly', 'nightly', 'handler'],
      ['on-order-event', 'onOrderEvent', 'handler'],
      ['on-table-change', 'onTableChange', 'handler'],
      ['notify', 'notify', 'handler'],
    ]);
    expect(fn(p, 'process-queue').handler.file).toBe(
      join(LEGACY, 'serverless-app/src/queue.ts'),
    );
  });

  it('merges provider and function settings, resolving variables', () => {
    const queue = fn(p, 'process-queue');
    expect([queue.memorySize, queue.timeout]).toEqual([256, 30]);
    expect(queue.environment).toEqual({
      SERVICE: 'orders',
      STAGE: 'dev',
      ORDERS_TABLE: { kind: 'resource', logicalId: 'OrdersTable' },
      LOG_LEVEL: { kind: 'env', name: 'ORDERS_LOG_LEVEL', fallback: 'info' },
      API_URL: { kind: 'ssm', path: '/orders/dev/api-url' },
      BILLING_QUEUE_URL: {
        kind: 'parameter',
        name: 'CfBillingSlsStageQueueUrl',
        reason: 'the cf: source is read only when Serverless deploys',
      },
      BATCH_SIZE: '5',
    });
    expect(queue.statements.map((s) => s.actions)).toEqual([
      ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      ['sqs:SendMessage'],
      ['s3:GetObject'],
    ]);
  });

  it('reads every trigger with its settings', () => {
    expect(p.functions.map((f) => f.triggers)).toEqual([
      [{ type: 'http-api', method: 'POST', path: '/orders', api: 'HttpApi' }],
      [
        {
          type: 'rest-api',
          method: 'GET',
          path: '/orders/{id}',
          api: 'ApiGatewayRestApi',
        },
      ],
      [
        {
          type: 'sqs',
          queue: { kind: 'declared', logicalId: 'OrdersQueue' },
          batchSize: 5,
          reportBatchItemFailures: true,
        },
      ],
      [
        {
          type: 's3',
          bucket: {
            kind: 'declared',
            logicalId: 'S3BucketOrdersDashphotosDashdev',
          },
          events: ['s3:ObjectCreated:*'],
          prefix: 'uploads/',
          suffix: '.jpg',
        },
      ],
      [
        {
          type: 'schedule',
          expression: 'rate(1 day)',
          enabled: true,
          input: { job: 'nightly-report' },
        },
      ],
      [
        {
          type: 'eventbridge',
          pattern: { source: ['orders'], 'detail-type': ['OrderPlaced'] },
        },
      ],
      [
        {
          type: 'dynamodb-stream',
          stream: { kind: 'declared', logicalId: 'OrdersTable' },
          startingPosition: 'LATEST',
          batchSize: 50,
        },
      ],
      [
        {
          type: 'sns',
          topic: {
            kind: 'declared',
            logicalId: 'SNSTopicOrderDashnotifications',
          },
        },
      ],
    ]);
  });

  it('recreates the resources the functions use, and no other', () => {
    expect(
      p.resources.map((r) => [r.logicalId, r.kind, r.dropped, r.legacyName]),
    ).toEqual([
      ['S3BucketOrdersDashphotosDashdev', 'bucket', [], 'orders-photos-dev'],
      ['SNSTopicOrderDashnotifications', 'topic', [], 'order-notifications'],
      ['OrdersTable', 'table', [], 'orders-dev'],
      ['OrdersQueue', 'queue', [], 'orders-dev'],
      ['OrdersDeadLetterQueue', 'queue', [], undefined],
    ]);
  });

  it('reports what it leaves behind', () => {
    expect(subjects(p)).toEqual([
      'IAM statement',
      'http cors',
      'functions.onUpload.vpc',
      'websocket event',
      'function report',
      'provider.layers',
      'plugin serverless-offline',
      'plugin serverless-plugin-datadog',
      '${cf:billing-${sls:stage}.QueueUrl}',
      'name orders-photos-dev of S3BucketOrdersDashphotosDashdev (bucket)',
      'name order-notifications of SNSTopicOrderDashnotifications (topic)',
      'name orders-dev of OrdersTable (table)',
      'name orders-dev of OrdersQueue (queue)',
      'resource AlarmTopic (AWS::SNS::Topic)',
      'custom resource SeedData (Custom::SeedData)',
    ]);
  });
});

describe('serverless.yml (Framework v4)', () => {
  it('reads stage params and the defaults of Serverless', () => {
    const hello = fn(plan('serverless-v4/serverless.yml'), 'hello');
    expect(hello).toMatchObject({
      memorySize: 1024,
      timeout: 6,
      environment: { GREETING: 'Hello', TABLE: 'greetings-dev' },
      triggers: [
        {
          type: 'http-api',
          method: 'GET',
          path: '/hello/{name}',
          api: 'HttpApi',
        },
      ],
    });
  });
});

describe('SAM template', () => {
  const p = plan('sam-app/template.yaml');

  it('applies Globals, resolves CodeUri and skips the Python function', () => {
    expect(p.functions.map((f) => f.name)).toEqual([
      'items-api-function',
      'worker-function',
      'upload-function',
      'alerts-function',
      'daily-function',
      'rule-function',
      'changes-function',
      'clicks-function',
    ]);
    expect(fn(p, 'worker-function')).toMatchObject({
      memorySize: 512,
      timeout: 60,
      handler: {
        file: join(LEGACY, 'sam-app/src/worker.js'),
        exportName: 'handler',
      },
      environment: {
        STAGE: {
          kind: 'parameter',
          name: 'Stage',
          fallback: 'dev',
          reason: 'a parameter of the template',
        },
        TABLE_NAME: { kind: 'resource', logicalId: 'ItemsTable' },
        ARCHIVE_BUCKET: { kind: 'resource', logicalId: 'ArchiveBucket' },
        QUEUE_URL: { kind: 'resource', logicalId: 'JobsQueue' },
        REGION_LABEL: {
          kind: 'concat',
          parts: [
            { kind: 'pseudo', name: 'AWS::Region' },
            '-',
            {
              kind: 'parameter',
              name: 'Stage',
              fallback: 'dev',
              reason: 'a parameter of the template',
            },
          ],
        },
      },
    });
    expect(subjects(p)).toContain('function ReportFunction');
  });

  it('expands policy templates and inline statements', () => {
    expect(
      fn(p, 'worker-function').statements.map((s) => s.actions[0]),
    ).toEqual([
      'sqs:ChangeMessageVisibility',
      'dynamodb:GetItem',
      's3:PutObject',
    ]);
    expect(subjects(p)).toContain('managed policy AWSXrayWriteOnlyAccess');
  });

  it('reads every event type with its settings', () => {
    expect(p.functions.flatMap((f) => f.triggers.map((t) => t.type))).toEqual([
      'http-api',
      'rest-api',
      'sqs',
      's3',
      'sns',
      'schedule',
      'eventbridge',
      'dynamodb-stream',
      'kinesis',
    ]);
    expect(fn(p, 'daily-function').triggers).toEqual([
      {
        type: 'schedule',
        expression: 'cron(0 6 * * ? *)',
        enabled: true,
        input: { job: 'daily-cleanup' },
      },
    ]);
  });

  it('reports layers, VPC, custom resources, outputs and API globals', () => {
    expect(subjects(p)).toEqual(
      expect.arrayContaining([
        'WorkerFunction.Layers',
        'RuleFunction.VpcConfig',
        'Globals.Api',
        'output ApiUrl',
        'custom resource WarmUp (Custom::WarmUp)',
        'resource SharedLayer (AWS::Serverless::LayerVersion)',
      ]),
    );
  });
});

describe('function names', () => {
  it('never defaults to a reserved word: delete becomes legacy-delete, and says so', () => {
    const p = plan('reserved-names/serverless.yml');

    expect(p.functions.map((f) => [f.sourceName, f.name])).toEqual([
      ['delete', 'legacy-delete'],
      ['list', 'list'],
    ]);
    expect(p.notes).toContainEqual({
      subject: 'name of delete',
      detail:
        '"delete" cannot name a function (a reserved word or not a name), so it is "legacy-delete"; choose another with --name delete=<name>',
      where: 'reserved-names/serverless.yml',
    });
  });

  it('renames with --name old=new, selecting that function', () => {
    const p = plan('reserved-names/serverless.yml', 'delete=delete-item');

    expect(p.functions.map((f) => [f.sourceName, f.name])).toEqual([
      ['delete', 'delete-item'],
    ]);
  });

  it('names app.js legacy-app by default, and takes a rename', () => {
    expect(plan('reserved-names/app.handler').functions[0]?.name).toBe(
      'legacy-app',
    );
    expect(
      plan('reserved-names/app.handler', 'app=catalog').functions[0]?.name,
    ).toBe('catalog');
  });

  it.each([
    ['delete=class', 'Function "class" is a reserved word'],
    ['delete=', '--name delete= is not a rename'],
    ['remove=x', 'has no Node.js function remove; check --name'],
  ])('refuses --name %s', (name, message) => {
    expect(() => plan('reserved-names/serverless.yml', name)).toThrow(message);
  });
});

describe('serverless.yml without provider.stage and provider.region', () => {
  it("resolves them to Serverless's defaults, dev and us-east-1, with no parameter left", () => {
    const p = plan('stage-defaults/serverless.yml');

    expect(fn(p, 'report').environment).toEqual({
      STAGE: 'dev',
      REGION: 'us-east-1',
      TABLE: 'orders-dev',
    });
    expect(p.notMigrated).toEqual([]);
    expect(p.notes.map((n) => n.subject)).toEqual(['stage', 'region']);
  });
});

describe("SAM's SQSPollerPolicy", () => {
  it('expands to IAM actions only (the *Batch operations are not actions)', () => {
    const p = plan('sqs-poller/template.yaml');

    expect(fn(p, 'poller-function').statements).toEqual([
      {
        effect: 'Allow',
        actions: [
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:ReceiveMessage',
        ],
        resources: expect.any(Array) as unknown,
      },
    ]);
  });
});

describe('routes behind an authorizer', () => {
  const render = (planned: PlannedFunction, className: string) =>
    renderConstruct({
      fn: planned,
      className,
      origin: `authorizers (${className})`,
      resources: new Map(),
      resourcesModule: 'authorizers.resources',
    });

  it("carries a SAM HttpApi's default JWT authorizer over as HttpJwtAuthorizer, with no cdk-nag acknowledgement", () => {
    const orders = fn(
      plan('authorizers/template.yaml', 'OrdersFunction'),
      'orders-function',
    );

    expect(orders.triggers).toEqual([
      {
        type: 'http-api',
        method: 'GET',
        path: '/orders',
        api: 'ProtectedApi',
        auth: {
          kind: 'jwt',
          name: 'OrdersJwt',
          issuer: 'https://issuer.example.com',
          audience: ['orders'],
          identitySource: ['$request.header.Authorization'],
        },
      },
    ]);
    const construct = render(orders, 'OrdersFunction');
    expect(construct).toContain(
      "authorizer: authorizerOf(protectedApi(this), 'OrdersJwt', () => new HttpJwtAuthorizer('OrdersJwt', 'https://issuer.example.com', { jwtAudience: ['orders'], identitySource: ['$request.header.Authorization'] }))",
    );
    expect(construct).toContain(
      "import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';",
    );
    expect(construct).not.toContain('AwsSolutions-APIG4');
  });

  it('migrates the route that opts out with Auth.Authorizer: NONE, acknowledging APIG4 with a reason that holds', () => {
    const health = fn(
      plan('authorizers/template.yaml', 'HealthFunction'),
      'health-function',
    );

    expect(health.triggers).toEqual([
      { type: 'http-api', method: 'GET', path: '/health', api: 'ProtectedApi' },
    ]);
    expect(render(health, 'HealthFunction')).toContain(
      "id: 'AwsSolutions-APIG4', reason: 'migrate found no authorizer on this route in the legacy source (routes with one keep it, or are refused);",
    );
  });

  it("carries a REST API's Cognito user pool and AWS_IAM over, the pool's ARN a parameter", () => {
    const p = plan('authorizers/rest.yaml', 'OrdersFunction,SignedFunction');
    const orders = render(fn(p, 'orders-function'), 'OrdersFunction');
    const signed = render(fn(p, 'signed-function'), 'SignedFunction');

    expect(orders).toContain(
      "{ authorizationType: AuthorizationType.COGNITO, authorizer: authorizerOf(adminApi(this), 'Pool', () => new CognitoUserPoolsAuthorizer(adminApi(this), 'Pool', { cognitoUserPools: [UserPool.fromUserPoolArn(adminApi(this), 'PoolPool', parameter(this, 'UserPoolArn', { description: 'UserPool is not recreated by the migration' }))] })), authorizationScopes: ['orders/read'] }",
    );
    expect(orders).not.toContain('AwsSolutions-APIG4');
    expect(signed).toContain('{ authorizationType: AuthorizationType.IAM }');
    expect(signed).toContain(
      "id: 'AwsSolutions-COG4', reason: 'The legacy route took IAM authorization",
    );
    expect(signed).not.toContain('AwsSolutions-APIG4');
  });

  it('refuses a route behind a Lambda authorizer, naming the fix', () => {
    expect(() => plan('authorizers/rest.yaml', 'TokenFunction')).toThrow(
      'authorizers/rest.yaml Resources.TokenFunction.Events.Checked (GET /checked) is protected by the Lambda authorizer Token of AdminApi, which migrate does not carry over (it carries IAM, JWT and Cognito authorizers) and will not make public; leave this function out with --name and add its route with the authorizer by hand',
    );
  });

  it("carries a serverless.yml httpApi route's JWT authorizer over", () => {
    expect(
      fn(plan('authorizers/serverless.yml'), 'orders').triggers,
    ).toMatchObject([
      {
        type: 'http-api',
        auth: {
          kind: 'jwt',
          name: 'ordersJwt',
          issuer: 'https://issuer.example.com',
          audience: ['orders'],
        },
      },
    ]);
  });
});

describe('settings that used to be dropped without a word', () => {
  it('carries SQS ScalingConfig.MaximumConcurrency over, and reports FunctionName', () => {
    const p = plan('settings/template.yaml');
    const worker = fn(p, 'worker-function');

    expect(worker.triggers).toMatchObject([{ type: 'sqs', maxConcurrency: 5 }]);
    expect(
      renderConstruct({
        fn: worker,
        className: 'WorkerFunction',
        origin: 'settings/template.yaml (WorkerFunction)',
        resources: new Map([['Jobs', 'queue']]),
        resourcesModule: 'settings.resources',
      }),
    ).toContain('maxConcurrency: 5');
    expect(subjects(p)).toContain('WorkerFunction function name');
  });

  it("gives Serverless streams Serverless's batch size, 10, and carries maximumConcurrency", () => {
    const p = plan('settings/serverless.yml');

    expect(fn(p, 'changes').triggers).toMatchObject([
      { type: 'dynamodb-stream', batchSize: 10 },
      { type: 'sqs', maxConcurrency: 3 },
    ]);
    expect(subjects(p)).toContain('changes function name');
  });
});
