// Renders the statements that wire one trigger of a migrated function in its construct, with the
// settings the legacy template gave it (batch sizes, starting positions, filters, routes) and no
// others: retries and dead-letter queues stay as they were, and the report says so. A route with an
// authorizer never gets here: the plan refuses it (plan/authorizers.ts).
import {
  IAM_NOT_COGNITO_REASON,
  NO_AUTHORIZER_REASON,
} from '../plan/authorizers.js';
import { literal, quote } from './code.js';
import type { PlannedAuth, PlannedTrigger, ResourceRef } from '../plan/plan.js';
import {
  renderValue,
  resourceCall,
  type ValueContext,
} from './render-value.js';

const FN = 'this.lambdaFunction';

/** What every trigger's renderer needs: its index (for construct ids) and the module's imports. */
interface TriggerRender {
  index: number;
  context: ValueContext;
  use: (module: string, name: string) => string;
}

export function renderTrigger(
  trigger: PlannedTrigger,
  index: number,
  context: ValueContext,
): string[] {
  const r: TriggerRender = {
    index,
    context,
    use: context.imports.use.bind(context.imports),
  };
  switch (trigger.type) {
    case 'sqs':
      return renderSqs(trigger, r);
    case 'sns':
      return renderSns(trigger, r);
    case 's3':
      return renderS3(trigger, r);
    case 'schedule':
      return renderSchedule(trigger, r);
    case 'eventbridge':
      return renderEventBridge(trigger, r);
    case 'dynamodb-stream':
    case 'kinesis':
      return renderStream(trigger, r);
    case 'http-api':
      return renderHttpApi(trigger, r);
    case 'rest-api':
      return renderRestApi(trigger, r);
    case 'invoke':
      return [];
  }
}

type TriggerOf<T extends PlannedTrigger['type']> = Extract<
  PlannedTrigger,
  { type: T }
>;

/** `, { a, b }` of the entries that are set, or nothing. */
function options(entries: (string | false | undefined)[]): string {
  const kept = entries.filter(Boolean);
  return kept.length === 0 ? '' : `, { ${kept.join(', ')} }`;
}

function acknowledge(
  r: TriggerRender,
  target: string,
  id: string,
  reason: string,
): string {
  return `${r.use('aws-cdk-lib', 'Validations')}.of(${target}).acknowledge({ id: ${quote(id)}, reason: ${quote(reason)} });`;
}

function renderSqs(trigger: TriggerOf<'sqs'>, r: TriggerRender): string[] {
  const { use } = r;
  const queue = ref(
    trigger.queue,
    `Queue${r.index}`,
    'aws-cdk-lib/aws-sqs',
    'Queue',
    'fromQueueArn',
    r.context,
  );
  return [
    `${FN}.addEventSource(new ${use('aws-cdk-lib/aws-lambda-event-sources', 'SqsEventSource')}(${queue}${options(
      [
        trigger.batchSize !== undefined && `batchSize: ${trigger.batchSize}`,
        trigger.maxBatchingWindow !== undefined &&
          `maxBatchingWindow: ${use('aws-cdk-lib', 'Duration')}.seconds(${trigger.maxBatchingWindow})`,
        trigger.maxConcurrency !== undefined &&
          `maxConcurrency: ${trigger.maxConcurrency}`,
        trigger.reportBatchItemFailures && 'reportBatchItemFailures: true',
      ],
    )}));`,
  ];
}

function renderSns(trigger: TriggerOf<'sns'>, r: TriggerRender): string[] {
  const { use, index } = r;
  const topic = ref(
    trigger.topic,
    `Topic${index}`,
    'aws-cdk-lib/aws-sns',
    'Topic',
    'fromTopicArn',
    r.context,
  );
  const subscribe = `${topic}.addSubscription(new ${use('aws-cdk-lib/aws-sns-subscriptions', 'LambdaSubscription')}(${FN}))`;
  if (trigger.filterPolicy === undefined) return [`${subscribe};`];
  return [
    `const subscription${index} = ${subscribe};`,
    `(subscription${index}.node.defaultChild as ${use('aws-cdk-lib/aws-sns', 'CfnSubscription')}).addPropertyOverride('FilterPolicy', ${literal(trigger.filterPolicy)});`,
  ];
}

function renderS3(trigger: TriggerOf<'s3'>, r: TriggerRender): string[] {
  const { use } = r;
  const bucket = ref(
    trigger.bucket,
    `Bucket${r.index}`,
    'aws-cdk-lib/aws-s3',
    'Bucket',
    'fromBucketArn',
    r.context,
  );
  const filter = options([
    trigger.prefix !== undefined && `prefix: ${quote(trigger.prefix)}`,
    trigger.suffix !== undefined && `suffix: ${quote(trigger.suffix)}`,
  ]);
  return [
    ...trigger.events.map(
      (event) =>
        `${bucket}.addEventNotification(${use('aws-cdk-lib/aws-s3', 'EventType')}.${eventTypeName(event)}, new ${use('aws-cdk-lib/aws-s3-notifications', 'LambdaDestination')}(${FN})${filter});`,
    ),
    acknowledge(
      r,
      `${use('aws-cdk-lib', 'Stack')}.of(this).node.findChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834')`,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "CDK's BucketNotificationsHandler runs only while CloudFormation deploys; AWSLambdaBasicExecutionRole lets it write its own logs.",
    ),
  ];
}

function renderSchedule(
  trigger: TriggerOf<'schedule'>,
  r: TriggerRender,
): string[] {
  const events = (name: string) => r.use('aws-cdk-lib/aws-events', name);
  const rule = `new ${events('Rule')}(this, 'Schedule${r.index}', { schedule: ${events('Schedule')}.expression(${quote(trigger.expression)})${trigger.enabled ? '' : ', enabled: false'} })`;
  const input =
    trigger.input === undefined
      ? ''
      : `, { event: ${events('RuleTargetInput')}.fromObject(${literal(trigger.input)}) }`;
  return [
    `${rule}.addTarget(new ${r.use('aws-cdk-lib/aws-events-targets', 'LambdaFunction')}(${FN}${input}));`,
  ];
}

function renderEventBridge(
  trigger: TriggerOf<'eventbridge'>,
  r: TriggerRender,
): string[] {
  const events = (name: string) => r.use('aws-cdk-lib/aws-events', name);
  const bus =
    trigger.eventBus === undefined
      ? ''
      : `, eventBus: ${events('EventBus')}.fromEventBusName(this, 'EventBus${r.index}', ${renderValue(trigger.eventBus, r.context)})`;
  return [
    `new ${events('Rule')}(this, 'Rule${r.index}', { eventPattern: ${literal(eventPattern(trigger.pattern))}${bus} }).addTarget(new ${r.use('aws-cdk-lib/aws-events-targets', 'LambdaFunction')}(${FN}));`,
  ];
}

function renderStream(
  trigger: TriggerOf<'dynamodb-stream' | 'kinesis'>,
  r: TriggerRender,
): string[] {
  const { use, index, context } = r;
  const dynamo = trigger.type === 'dynamodb-stream';
  const source = dynamo
    ? trigger.stream.kind === 'declared'
      ? resourceCall(trigger.stream.logicalId, context)
      : `${use('aws-cdk-lib/aws-dynamodb', 'Table')}.fromTableAttributes(this, 'Table${index}', { tableArn: ${use('aws-cdk-lib', 'Fn')}.select(0, Fn.split('/stream/', ${renderValue(trigger.stream.arn, context)})), tableStreamArn: ${renderValue(trigger.stream.arn, context)} })`
    : ref(
        trigger.stream,
        `Stream${index}`,
        'aws-cdk-lib/aws-kinesis',
        'Stream',
        'fromStreamArn',
        context,
      );
  const eventSource = use(
    'aws-cdk-lib/aws-lambda-event-sources',
    dynamo ? 'DynamoEventSource' : 'KinesisEventSource',
  );
  return [
    `${FN}.addEventSource(new ${eventSource}(${source}${options([
      `startingPosition: ${use('aws-cdk-lib/aws-lambda', 'StartingPosition')}.${trigger.startingPosition}`,
      trigger.batchSize !== undefined && `batchSize: ${trigger.batchSize}`,
      trigger.reportBatchItemFailures && 'reportBatchItemFailures: true',
    ])}));`,
    ...(dynamo
      ? [
          acknowledge(
            r,
            `${FN}.role!.node.findChild('DefaultPolicy')`,
            'AwsSolutions-IAM5[Resource::*]',
            'dynamodb:ListStreams has no resource-level permissions, so it can only be granted on "*"; the actions that read records are limited to the stream.',
          ),
        ]
      : []),
  ];
}

function renderHttpApi(
  trigger: TriggerOf<'http-api'>,
  r: TriggerRender,
): string[] {
  const { use, index } = r;
  const v2 = (name: string) => use('aws-cdk-lib/aws-apigatewayv2', name);
  const key =
    trigger.path === '*'
      ? `${v2('HttpRouteKey')}.DEFAULT`
      : `${v2('HttpRouteKey')}.with(${quote(trigger.path)}, ${v2('HttpMethod')}.${trigger.method})`;
  const api = resourceCall(trigger.api, r.context);
  const auth = httpAuthorizer(trigger.auth, api, r);
  return [
    `const route${index} = new ${v2('HttpRoute')}(this, 'Route${index}', { httpApi: ${api}, routeKey: ${key}, integration: new ${use('aws-cdk-lib/aws-apigatewayv2-integrations', 'HttpLambdaIntegration')}('Integration${index}', ${FN})${auth} });`,
    ...(trigger.auth === undefined
      ? [
          acknowledge(
            r,
            `route${index}`,
            'AwsSolutions-APIG4',
            NO_AUTHORIZER_REASON,
          ),
        ]
      : []),
  ];
}

/** `, authorizer: …, authorizationScopes: […]` of an HTTP route, or nothing for a public one. */
function httpAuthorizer(
  auth: PlannedAuth | undefined,
  api: string,
  r: TriggerRender,
): string {
  const authorizers = (name: string) =>
    r.use('aws-cdk-lib/aws-apigatewayv2-authorizers', name);
  const value = (v: Parameters<typeof renderValue>[0]) =>
    renderValue(v, r.context);
  switch (auth?.kind) {
    case undefined:
      return '';
    case 'iam':
      return `, authorizer: new ${authorizers('HttpIamAuthorizer')}()`;
    case 'jwt': {
      const options = [
        `jwtAudience: [${auth.audience.map(value).join(', ')}]`,
        ...(auth.identitySource === undefined
          ? []
          : [`identitySource: ${literal(auth.identitySource)}`]),
      ];
      return `, authorizer: ${shareAuthorizer(r)}(${api}, ${quote(auth.name)}, () => new ${authorizers('HttpJwtAuthorizer')}(${quote(auth.name)}, ${value(auth.issuer)}, { ${options.join(', ')} }))${scopes(auth.scopes)}`;
    }
    case 'cognito':
      throw new Error(
        `a Cognito user pool authorizer (${auth.name}) is a REST API's; an HTTP API route takes a JWT authorizer`,
      );
  }
}

function scopes(list: string[] | undefined): string {
  return list === undefined ? '' : `, authorizationScopes: ${literal(list)}`;
}

/** The resources module's memo that gives each API one authorizer per name. */
function shareAuthorizer(r: TriggerRender): string {
  return r.use(r.context.resourcesModule, 'authorizerOf');
}

function renderRestApi(
  trigger: TriggerOf<'rest-api'>,
  r: TriggerRender,
): string[] {
  const gateway = (name: string) => r.use('aws-cdk-lib/aws-apigateway', name);
  const api = resourceCall(trigger.api, r.context);
  const { auth } = trigger;
  if (auth?.kind === 'jwt') {
    throw new Error(
      `a JWT authorizer (${auth.name}) is an HTTP API's; a REST API route takes a Cognito user pool authorizer`,
    );
  }
  const type = (name: string) =>
    `authorizationType: ${gateway('AuthorizationType')}.${name}`;
  const options =
    auth === undefined
      ? ''
      : auth.kind === 'iam'
        ? `, { ${type('IAM')} }`
        : auth.kind === 'cognito'
          ? `, { ${type('COGNITO')}, authorizer: ${shareAuthorizer(r)}(${api}, ${quote(auth.name)}, () => new ${gateway('CognitoUserPoolsAuthorizer')}(${api}, ${quote(auth.name)}, { cognitoUserPools: [${r.use('aws-cdk-lib/aws-cognito', 'UserPool')}.fromUserPoolArn(${api}, ${quote(`${auth.name}Pool`)}, ${renderValue(auth.userPoolArn, r.context)})] }))${scopes(auth.scopes)} }`
          : '';
  const method = `method${r.index}`;
  return [
    `const ${method} = ${api}.root.resourceForPath(${quote(trigger.path)}).addMethod(${quote(trigger.method)}, new ${gateway('LambdaIntegration')}(${FN})${options});`,
    ...(auth === undefined
      ? [
          acknowledge(r, method, 'AwsSolutions-APIG4', NO_AUTHORIZER_REASON),
          acknowledge(r, method, 'AwsSolutions-COG4', NO_AUTHORIZER_REASON),
        ]
      : auth.kind === 'iam'
        ? [acknowledge(r, method, 'AwsSolutions-COG4', IAM_NOT_COGNITO_REASON)]
        : []),
  ];
}

function ref(
  resource: ResourceRef,
  id: string,
  module: string,
  type: string,
  fromArn: string,
  context: ValueContext,
): string {
  if (resource.kind === 'declared')
    return resourceCall(resource.logicalId, context);
  return `${context.imports.use(module, type)}.${fromArn}(this, '${id}', ${renderValue(resource.arn, context)})`;
}

/** `s3:ObjectCreated:Put` → `OBJECT_CREATED_PUT`, the name of CDK's `EventType` member. */
export function eventTypeName(event: string): string {
  return event
    .replace(/^s3:/, '')
    .replace(/:\*$/, '')
    .split(':')
    .map((part) => part.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase())
    .join('_');
}

/** CDK's `EventPattern` spells `detail-type` as `detailType`; the rest of a pattern is kept as is. */
function eventPattern(pattern: unknown): unknown {
  if (typeof pattern !== 'object' || pattern === null) return {};
  return Object.fromEntries(
    Object.entries(pattern).map(([key, value]) => [
      key === 'detail-type' ? 'detailType' : key,
      value,
    ]),
  );
}
