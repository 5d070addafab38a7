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

/** Each template: the parameter it takes, and the statements it grants for a value of it. */
const TEMPLATES: Record<
  string,
  { parameter: string; statements: (v: Value) => PolicyStatement[] }
> = {
  DynamoDBCrudPolicy: {
    parameter: 'TableName',
    statements: (table) => [
      allow(
        [...DYNAMO_READ, ...DYNAMO_WRITE, 'dynamodb:ConditionCheckItem'],
        [
          arn('dynamodb', 'table/', table),
          arn('dynamodb', 'table/', table, '/index/*'),
        ],
      ),
    ],
  },
  DynamoDBReadPolicy: {
    parameter: 'TableName',
    statements: (table) => [
      allow(DYNAMO_READ, [
        arn('dynamodb', 'table/', table),
        arn('dynamodb', 'table/', table, '/index/*'),
      ]),
    ],
  },
  DynamoDBWritePolicy: {
    parameter: 'TableName',
    statements: (table) => [
      allow(DYNAMO_WRITE, [
        arn('dynamodb', 'table/', table),
        arn('dynamodb', 'table/', table, '/index/*'),
      ]),
    ],
  },
  SQSSendMessagePolicy: {
    parameter: 'QueueName',
    statements: (queue) => [allow(['sqs:SendMessage*'], [arn('sqs', queue)])],
  },
  SQSPollerPolicy: {
    parameter: 'QueueName',
    statements: (queue) => [
      allow(
        [
          // SAM's template also lists the *Batch operations, which are not IAM actions (cfn-lint
          // W3037): ChangeMessageVisibility and DeleteMessage authorize them.
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:ReceiveMessage',
        ],
        [arn('sqs', queue)],
      ),
    ],
  },
  SNSPublishMessagePolicy: {
    parameter: 'TopicName',
    statements: (topic) => [allow(['sns:Publish'], [arn('sns', topic)])],
  },
  S3ReadPolicy: {
    parameter: 'BucketName',
    statements: (bucket) => [
      allow(
        [
          's3:GetObject',
          's3:ListBucket',
          's3:GetBucketLocation',
          's3:GetObjectVersion',
          's3:GetLifecycleConfiguration',
        ],
        [s3(bucket), s3(bucket, '/*')],
      ),
    ],
  },
  S3WritePolicy: {
    parameter: 'BucketName',
    statements: (bucket) => [
      allow(
        ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'],
        [s3(bucket), s3(bucket, '/*')],
      ),
    ],
  },
  S3CrudPolicy: {
    parameter: 'BucketName',
    statements: (bucket) => [
      allow(
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
        [s3(bucket), s3(bucket, '/*')],
      ),
    ],
  },
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
