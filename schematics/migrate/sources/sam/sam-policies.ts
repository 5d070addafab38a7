// Expands the SAM policy templates teams use most into plain statements, with the actions and
// resources of SAM's own policy_templates.json. Others, and AWS managed policies by name, are
// reported rather than guessed.
import type { IntrinsicReader } from '../../plan/intrinsics.js';
import type { Finding, PolicyStatement, Value } from '../../plan/plan.js';
import { readStatements } from '../../plan/iam.js';
import { concatValues } from '../../plan/values.js';

type Raw = Record<string, unknown>;

const P = { kind: 'pseudo', name: 'AWS::Partition' } as const;
const R = { kind: 'pseudo', name: 'AWS::Region' } as const;
const A = { kind: 'pseudo', name: 'AWS::AccountId' } as const;

const arn = (service: string, ...rest: Value[]): Value =>
  concatValues(['arn:', P, `:${service}:`, R, ':', A, ':', ...rest]);
const s3 = (...rest: Value[]): Value =>
  concatValues(['arn:', P, ':s3:::', ...rest]);

const DYNAMO_READ = [
  'dynamodb:GetItem',
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:DescribeTable',
];
const DYNAMO_WRITE = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DeleteItem',
];

const S3_READ = [
  's3:GetObject',
  's3:ListBucket',
  's3:GetBucketLocation',
  's3:GetObjectVersion',
  's3:GetLifecycleConfiguration',
];
const S3_WRITE = [
  's3:PutObject',
  's3:PutObjectAcl',
  's3:PutLifecycleConfiguration',
];

interface PolicyTemplate {
  parameter: string;
  statements: (v: Value) => PolicyStatement[];
}

/** A template granting `actions` on one resource's ARNs, built from the value of `parameter`. */
const grant = (
  parameter: string,
  actions: string[],
  arns: (v: Value) => Value[],
): PolicyTemplate => ({
  parameter,
  statements: (value) => [allow(actions, arns(value))],
});

// The table and its indexes; the bucket and its objects; the queue; the topic.
const table = (name: Value) => [
  arn('dynamodb', 'table/', name),
  arn('dynamodb', 'table/', name, '/index/*'),
];
const bucket = (name: Value) => [s3(name), s3(name, '/*')];
const queue = (name: Value) => [arn('sqs', name)];
const topic = (name: Value) => [arn('sns', name)];

/** Each template: the parameter it takes, and the statements it grants for a value of it. */
const TEMPLATES: Record<string, PolicyTemplate> = {
  DynamoDBCrudPolicy: grant(
    'TableName',
    [...DYNAMO_READ, ...DYNAMO_WRITE, 'dynamodb:ConditionCheckItem'],
    table,
  ),
  DynamoDBReadPolicy: grant('TableName', DYNAMO_READ, table),
  DynamoDBWritePolicy: grant('TableName', DYNAMO_WRITE, table),
  SQSSendMessagePolicy: grant('QueueName', ['sqs:SendMessage*'], queue),
  // SAM's template also lists the *Batch operations, which are not IAM actions (cfn-lint W3037):
  // ChangeMessageVisibility and DeleteMessage authorize them.
  SQSPollerPolicy: grant(
    'QueueName',
    [
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:ReceiveMessage',
    ],
    queue,
  ),
  SNSPublishMessagePolicy: grant('TopicName', ['sns:Publish'], topic),
  S3ReadPolicy: grant('BucketName', S3_READ, bucket),
  S3WritePolicy: grant('BucketName', S3_WRITE, bucket),
  S3CrudPolicy: grant(
    'BucketName',
    [
      's3:GetObject',
      's3:ListBucket',
      's3:GetBucketLocation',
      's3:GetObjectVersion',
      's3:PutObject',
      's3:PutObjectAcl',
      's3:GetLifecycleConfiguration',
      's3:PutLifecycleConfiguration',
      's3:DeleteObject',
    ],
    bucket,
  ),
};

function allow(actions: string[], resources: Value[]): PolicyStatement {
  return { effect: 'Allow', actions, resources };
}

export function samPolicies(
  policies: unknown,
  reader: IntrinsicReader,
  where: string,
  notMigrated: Finding[],
): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  for (const [index, policy] of [policies]
    .flat()
    .filter((p) => p !== undefined)
    .entries()) {
    const at = `${where}.Policies[${index}]`;
    const entries =
      typeof policy === 'object' && policy !== null
        ? Object.entries(policy as Raw)
        : [];
    const [name, argument] = entries[0] ?? [];
    const template = name === undefined ? undefined : TEMPLATES[name];
    if (
      typeof policy === 'object' &&
      policy !== null &&
      'Statement' in policy
    ) {
      statements.push(
        ...readStatements((policy as Raw).Statement, reader, at, notMigrated),
      );
    } else if (template && entries.length === 1) {
      const value = reader.read(
        (argument as Raw | undefined)?.[template.parameter],
        at,
      );
      if (value !== undefined) statements.push(...template.statements(value));
    } else {
      notMigrated.push({
        subject:
          typeof policy === 'string'
            ? `managed policy ${policy}`
            : `policy ${name ?? JSON.stringify(policy)}`,
        detail:
          'is not migrated; grant it in the construct (initialPolicy or role.addManagedPolicy)',
        where: at,
      });
    }
  }
  return statements;
}
