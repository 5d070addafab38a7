// Renders `infra/legacy/<source>.resources.ts`: one function per resource the migrated functions
// share (queues, topics, buckets, tables, streams, and the HTTP and REST APIs their routes join),
// each creating its resource once per stack. Secure defaults that change nothing for the code
// (TLS only, managed encryption, point-in-time recovery) are on; what the legacy resource lacked
// and cdk-nag asks for is acknowledged beside it, with the reason, for the team to revisit.
import { ImportSet, identifier, literal, quote } from './code.js';
import type { PlannedResource, TableAttribute } from '../plan/plan.js';

export interface ResourcesModule {
  source: string;
  /** Prefix of the stack ids, so that another source's same logical ids stay apart (source-scope.ts). */
  scope: string;
  resources: PlannedResource[];
  /** Logical ids of the HTTP and REST APIs the routes use. */
  httpApis: string[];
  restApis: string[];
  /** Whether a route shares an authorizer (JWT, Cognito): the module then exports `authorizerOf`. */
  authorizers: boolean;
}

/** One authorizer per API and name, whichever migrated function's route asks first. */
const AUTHORIZER_OF = [
  'const authorizers = new WeakMap<object, Map<string, unknown>>();',
  '',
  '/** The authorizer `name` of `api`, created by the first migrated route that uses it. */',
  'export function authorizerOf<T>(api: object, name: string, create: () => T): T {',
  '  const byName = authorizers.get(api) ?? new Map<string, unknown>();',
  '  authorizers.set(api, byName);',
  '  if (!byName.has(name)) byName.set(name, create());',
  '  return byName.get(name) as T;',
  '}',
].join('\n');

export function renderResourcesModule(module: ResourcesModule): string {
  const imports = new ImportSet();
  imports.useType('constructs', 'Construct');
  imports.use('./shared.js', 'shared');
  const ack = (target: string, id: string, reason: string) =>
    `${imports.use('aws-cdk-lib', 'Validations')}.of(${target}).acknowledge({ id: ${quote(id)}, reason: ${quote(reason)} });`;
  const blocks = [
    ...module.resources.map((resource) =>
      renderResource(resource, imports, ack, module),
    ),
    ...module.httpApis.map((id) => renderHttpApi(id, imports, module)),
    ...module.restApis.map((id) => renderRestApi(id, imports, ack, module)),
    ...(module.authorizers ? [AUTHORIZER_OF] : []),
  ];
  return `${imports.render()}\n\n${blocks.join('\n\n')}\n`;
}

type Source = Pick<ResourcesModule, 'source' | 'scope'>;

function factory(
  id: string,
  type: string,
  source: Source,
  body: string[],
): string {
  return [
    `/** ${id} of ${source.source}, created once per stack by the first migrated function that uses it. */`,
    `export function ${identifier(id)}(scope: Construct): ${type} {`,
    `  return shared(scope, ${quote(`${source.scope}${id}`)}, (stack, id) => {`,
    ...body.map((line) => `    ${line}`),
    '  });',
    '}',
  ].join('\n');
}

function renderResource(
  resource: PlannedResource,
  imports: ImportSet,
  ack: (target: string, id: string, reason: string) => string,
  source: Source,
): string {
  const seconds = (n: number) =>
    `${imports.use('aws-cdk-lib', 'Duration')}.seconds(${n})`;
  const props = (entries: (string | false | undefined)[]) =>
    `{ ${entries.filter(Boolean).join(', ')} }`;
  switch (resource.kind) {
    case 'queue': {
      const Queue = imports.use('aws-cdk-lib/aws-sqs', 'Queue');
      const encryption = `encryption: ${imports.use('aws-cdk-lib/aws-sqs', 'QueueEncryption')}.SQS_MANAGED`;
      const body = [
        `const queue = new ${Queue}(stack, id, ${props([
          encryption,
          'enforceSSL: true',
          resource.fifo && 'fifo: true',
          resource.contentBasedDeduplication &&
            'contentBasedDeduplication: true',
          resource.visibilityTimeout !== undefined &&
            `visibilityTimeout: ${seconds(resource.visibilityTimeout)}`,
          resource.retentionPeriod !== undefined &&
            `retentionPeriod: ${seconds(resource.retentionPeriod)}`,
          resource.deadLetter &&
            `deadLetterQueue: { queue: ${identifier(resource.deadLetter.logicalId)}(scope), maxReceiveCount: ${resource.deadLetter.maxReceiveCount} }`,
        ])});`,
        ...(resource.deadLetter
          ? []
          : [
              ack(
                'queue',
                'AwsSolutions-SQS3',
                `The legacy queue ${resource.logicalId} had no dead-letter queue; the migration keeps its behaviour.`,
              ),
            ]),
        'return queue;',
      ];
      return factory(resource.logicalId, Queue, source, body);
    }
    case 'topic': {
      const Topic = imports.use('aws-cdk-lib/aws-sns', 'Topic');
      const body = [
        `const topic = new ${Topic}(stack, id, ${props([
          'enforceSSL: true',
          resource.fifo && 'fifo: true',
          resource.contentBasedDeduplication &&
            'contentBasedDeduplication: true',
        ])});`,
        ack(
          'topic',
          'AwsSolutions-SNS2',
          `The legacy topic ${resource.logicalId} had no KMS key; add one (masterKey) when its messages need it.`,
        ),
        'return topic;',
      ];
      return factory(resource.logicalId, Topic, source, body);
    }
    case 'bucket': {
      const Bucket = imports.use('aws-cdk-lib/aws-s3', 'Bucket');
      const s3 = (name: string) => imports.use('aws-cdk-lib/aws-s3', name);
      const body = [
        `const bucket = new ${Bucket}(stack, id, ${props([
          `blockPublicAccess: ${s3('BlockPublicAccess')}.BLOCK_ALL`,
          `encryption: ${s3('BucketEncryption')}.S3_MANAGED`,
          'enforceSSL: true',
          `objectOwnership: ${s3('ObjectOwnership')}.BUCKET_OWNER_ENFORCED`,
          resource.versioned && 'versioned: true',
        ])});`,
        ack(
          'bucket',
          'AwsSolutions-S1',
          `The legacy bucket ${resource.logicalId} had no server access logs; add a log bucket when audits need them.`,
        ),
        'return bucket;',
      ];
      return factory(resource.logicalId, Bucket, source, body);
    }
    case 'table': {
      const dynamo = (name: string) =>
        imports.use('aws-cdk-lib/aws-dynamodb', name);
      const key = (attribute: TableAttribute) =>
        `{ name: ${quote(attribute.name)}, type: ${dynamo('AttributeType')}.${attribute.type} }`;
      const body = [
        `const table = new ${dynamo('Table')}(stack, id, ${props([
          `partitionKey: ${key(resource.partitionKey)}`,
          resource.sortKey && `sortKey: ${key(resource.sortKey)}`,
          resource.provisioned
            ? `billingMode: ${dynamo('BillingMode')}.PROVISIONED, readCapacity: ${resource.provisioned.read}, writeCapacity: ${resource.provisioned.write}`
            : `billingMode: ${dynamo('BillingMode')}.PAY_PER_REQUEST`,
          resource.stream &&
            `stream: ${dynamo('StreamViewType')}.${resource.stream}`,
          resource.timeToLiveAttribute &&
            `timeToLiveAttribute: ${quote(resource.timeToLiveAttribute)}`,
          `encryption: ${dynamo('TableEncryption')}.AWS_MANAGED`,
          'pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }',
        ])});`,
        ...resource.indexes.map(
          (index) =>
            `table.addGlobalSecondaryIndex(${props([
              `indexName: ${quote(index.indexName)}`,
              `partitionKey: ${key(index.partitionKey)}`,
              index.sortKey && `sortKey: ${key(index.sortKey)}`,
            ])});`,
        ),
        'return table;',
      ];
      return factory(resource.logicalId, dynamo('Table'), source, body);
    }
    case 'stream': {
      const kinesis = (name: string) =>
        imports.use('aws-cdk-lib/aws-kinesis', name);
      const body = [
        `return new ${kinesis('Stream')}(stack, id, ${props([
          resource.shardCount !== undefined &&
            `shardCount: ${resource.shardCount}`,
          `encryption: ${kinesis('StreamEncryption')}.MANAGED`,
        ])});`,
      ];
      return factory(resource.logicalId, kinesis('Stream'), source, body);
    }
  }
}

function renderHttpApi(id: string, imports: ImportSet, source: Source): string {
  const v2 = (name: string) =>
    imports.use('aws-cdk-lib/aws-apigatewayv2', name);
  const logs = (name: string) => imports.use('aws-cdk-lib/aws-logs', name);
  const format = literal({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    responseLength: '$context.responseLength',
    integrationError: '$context.integrationErrorMessage',
  });
  return factory(id, v2('HttpApi'), source, [
    `const api = new ${v2('HttpApi')}(stack, id, { createDefaultStage: false });`,
    `const accessLogs = new ${logs('LogGroup')}(stack, \`\${id}AccessLogs\`, { retention: ${logs('RetentionDays')}.ONE_MONTH });`,
    `// The default stage comes with no access log; this one is the same stage, with one.`,
    `const stage = new ${v2('HttpStage')}(stack, \`\${id}DefaultStage\`, { httpApi: api, stageName: '$default', autoDeploy: true, accessLogSettings: { destination: new ${v2('LogGroupLogDestination')}(accessLogs), format: ${imports.use('aws-cdk-lib/aws-apigateway', 'AccessLogFormat')}.custom(JSON.stringify(${format})) } });`,
    `new ${imports.use('aws-cdk-lib', 'CfnOutput')}(stack, \`\${id}Url\`, { value: stage.url });`,
    'return api;',
  ]);
}

function renderRestApi(
  id: string,
  imports: ImportSet,
  ack: (target: string, id: string, reason: string) => string,
  source: Source,
): string {
  const gateway = (name: string) =>
    imports.use('aws-cdk-lib/aws-apigateway', name);
  const logs = (name: string) => imports.use('aws-cdk-lib/aws-logs', name);
  return factory(id, gateway('RestApi'), source, [
    `const accessLogs = new ${logs('LogGroup')}(stack, \`\${id}AccessLogs\`, { retention: ${logs('RetentionDays')}.ONE_MONTH });`,
    `const api = new ${gateway('RestApi')}(stack, id, { endpointTypes: [${gateway('EndpointType')}.REGIONAL], cloudWatchRole: true, deployOptions: { accessLogDestination: new ${gateway('LogGroupLogDestination')}(accessLogs), accessLogFormat: ${gateway('AccessLogFormat')}.jsonWithStandardFields(), loggingLevel: ${gateway('MethodLoggingLevel')}.ERROR, dataTraceEnabled: false } });`,
    ack(
      'api',
      'AwsSolutions-APIG2',
      'The legacy API validated no request; the migrated handlers check their input as before.',
    ),
    ack(
      'api',
      'AwsSolutions-APIG3',
      'migrate creates this API without a WAF web ACL (a legacy one is not carried over); add one when its traffic is known.',
    ),
    ack(
      "api.node.findChild('CloudWatchRole')",
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'The role API Gateway uses to write REST API logs to CloudWatch; AWS documents this managed policy as exactly the permissions it needs.',
    ),
    `new ${imports.use('aws-cdk-lib', 'CfnOutput')}(stack, \`\${id}Url\`, { value: api.url });`,
    'return api;',
  ]);
}
