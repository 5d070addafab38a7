// Renders the statements that wire one trigger of a migrated function in its construct, with the
// settings the legacy template gave it (batch sizes, starting positions, filters, routes) and no
// others: retries, dead-letter queues and authorizers stay as they were, and the report says so.
import { literal, quote } from './code.js';
import type { PlannedTrigger, ResourceRef } from '../plan/plan.js';
import {
  renderValue,
  resourceCall,
  type ValueContext,
} from './render-value.js';

const FN = 'this.lambdaFunction';

export function renderTrigger(
  trigger: PlannedTrigger,
  index: number,
  context: ValueContext,
): string[] {
  const { imports } = context;
  const use = imports.use.bind(imports);
  const seconds = (n: number) =>
    `${use('aws-cdk-lib', 'Duration')}.seconds(${n})`;
  const options = (entries: (string | false | undefined)[]) => {
    const kept = entries.filter(Boolean);
    return kept.length === 0 ? '' : `, { ${kept.join(', ')} }`;
  };
  const ack = (target: string, id: string, reason: string) =>
    `${use('aws-cdk-lib', 'Validations')}.of(${target}).acknowledge({ id: ${quote(id)}, reason: ${quote(reason)} });`;
  switch (trigger.type) {
    case 'sqs': {
      const queue = ref(
        trigger.queue,
        `Queue${index}`,
        'aws-cdk-lib/aws-sqs',
        'Queue',
        'fromQueueArn',
        context,
      );
      return [
        `${FN}.addEventSource(new ${use('aws-cdk-lib/aws-lambda-event-sources', 'SqsEventSource')}(${queue}${options(
          [
            trigger.batchSize !== undefined &&
              `batchSize: ${trigger.batchSize}`,
            trigger.maxBatchingWindow !== undefined &&
              `maxBatchingWindow: ${seconds(trigger.maxBatchingWindow)}`,
            trigger.reportBatchItemFailures && 'reportBatchItemFailures: true',
          ],
        )}));`,
      ];
    }
    case 'sns': {
      const topic = ref(
        trigger.topic,
        `Topic${index}`,
        'aws-cdk-lib/aws-sns',
        'Topic',
        'fromTopicArn',
        context,
      );
      const subscribe = `${topic}.addSubscription(new ${use('aws-cdk-lib/aws-sns-subscriptions', 'LambdaSubscription')}(${FN}))`;
      if (trigger.filterPolicy === undefined) return [`${subscribe};`];
      return [
        `const subscription${index} = ${subscribe};`,
        `(subscription${index}.node.defaultChild as ${use('aws-cdk-lib/aws-sns', 'CfnSubscription')}).addPropertyOverride('FilterPolicy', ${literal(trigger.filterPolicy)});`,
      ];
    }
    case 's3': {
      const bucket = ref(
        trigger.bucket,
        `Bucket${index}`,
        'aws-cdk-lib/aws-s3',
        'Bucket',
        'fromBucketArn',
        context,
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
        ack(
          `${use('aws-cdk-lib', 'Stack')}.of(this).node.findChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834')`,
          'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          "CDK's BucketNotificationsHandler runs only while CloudFormation deploys; AWSLambdaBasicExecutionRole lets it write its own logs.",
        ),
      ];
    }
    case 'schedule': {
      const rule = `new ${use('aws-cdk-lib/aws-events', 'Rule')}(this, 'Schedule${index}', { schedule: ${use('aws-cdk-lib/aws-events', 'Schedule')}.expression(${quote(trigger.expression)})${trigger.enabled ? '' : ', enabled: false'} })`;
      const input =
        trigger.input === undefined
          ? ''
          : `, { event: ${use('aws-cdk-lib/aws-events', 'RuleTargetInput')}.fromObject(${literal(trigger.input)}) }`;
      return [
        `${rule}.addTarget(new ${use('aws-cdk-lib/aws-events-targets', 'LambdaFunction')}(${FN}${input}));`,
      ];
    }
    case 'eventbridge': {
      const bus =
        trigger.eventBus === undefined
          ? ''
          : `, eventBus: ${use('aws-cdk-lib/aws-events', 'EventBus')}.fromEventBusName(this, 'EventBus${index}', ${renderValue(trigger.eventBus, context)})`;
      return [
        `new ${use('aws-cdk-lib/aws-events', 'Rule')}(this, 'Rule${index}', { eventPattern: ${literal(eventPattern(trigger.pattern))}${bus} }).addTarget(new ${use('aws-cdk-lib/aws-events-targets', 'LambdaFunction')}(${FN}));`,
      ];
    }
    case 'dynamodb-stream':
    case 'kinesis': {
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
              ack(
                `${FN}.role!.node.findChild('DefaultPolicy')`,
                'AwsSolutions-IAM5[Resource::*]',
                'dynamodb:ListStreams has no resource-level permissions, so it can only be granted on "*"; the actions that read records are limited to the stream.',
              ),
            ]
          : []),
      ];
    }
    case 'http-api': {
      const v2 = (name: string) => use('aws-cdk-lib/aws-apigatewayv2', name);
      const key =
        trigger.path === '*'
          ? `${v2('HttpRouteKey')}.DEFAULT`
          : `${v2('HttpRouteKey')}.with(${quote(trigger.path)}, ${v2('HttpMethod')}.${trigger.method})`;
      return [
        `const route${index} = new ${v2('HttpRoute')}(this, 'Route${index}', { httpApi: ${resourceCall(trigger.api, context)}, routeKey: ${key}, integration: new ${use('aws-cdk-lib/aws-apigatewayv2-integrations', 'HttpLambdaIntegration')}('Integration${index}', ${FN}) });`,
        ack(
          `route${index}`,
          'AwsSolutions-APIG4',
          'The legacy route took no authorization; add an authorizer before opening new routes.',
        ),
      ];
    }
    case 'rest-api':
      return [
        `${resourceCall(trigger.api, context)}.root.resourceForPath(${quote(trigger.path)}).addMethod(${quote(trigger.method)}, new ${use('aws-cdk-lib/aws-apigateway', 'LambdaIntegration')}(${FN}));`,
      ];
    case 'invoke':
      return [];
  }
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
