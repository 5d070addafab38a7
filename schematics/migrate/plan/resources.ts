// Maps a resource the template declares to the CDK resource the service's stack creates in its
// place. Only what changes how the code behaves is carried over (FIFO, key schema, stream view,
// dead-letter queue, versioning); physical names and everything else are listed as dropped.
import type { PlannedResource, TableAttribute, TableIndex } from './plan.js';
import { asNumber, asRecord } from './values.js';

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const truthy = (value: unknown): boolean => value === true || value === 'true';

/** The planned resource, or undefined when the stack cannot recreate this type. */
export function mapResource(
  logicalId: string,
  resource: unknown,
): PlannedResource | undefined {
  const type = String(asRecord(resource).Type);
  const props = asRecord(asRecord(resource).Properties);
  const used = new Set<string>();
  const take = (key: string): unknown => {
    used.add(key);
    return props[key];
  };
  const planned = build(logicalId, type, take);
  if (planned === undefined) return undefined;
  // A literal name is followed where the functions use it (legacy-names.ts); any other stays dropped.
  const nameKey = NAME_KEYS[planned.kind];
  const name = props[nameKey];
  if (typeof name === 'string') {
    used.add(nameKey);
    planned.legacyName = name;
  }
  planned.dropped = Object.keys(props).filter((key) => !used.has(key));
  return planned;
}

/** The property that names each kind of resource. */
const NAME_KEYS: Record<PlannedResource['kind'], string> = {
  queue: 'QueueName',
  topic: 'TopicName',
  bucket: 'BucketName',
  table: 'TableName',
  stream: 'Name',
};

function build(
  logicalId: string,
  type: string,
  take: (key: string) => unknown,
): PlannedResource | undefined {
  switch (type) {
    case 'AWS::SQS::Queue': {
      const redrive = asRecord(take('RedrivePolicy'));
      const target = asRecord(redrive.deadLetterTargetArn)['Fn::GetAtt'];
      const [dlq] = list(target);
      const maxReceiveCount = asNumber(redrive.maxReceiveCount);
      return compact<PlannedResource>({
        kind: 'queue',
        logicalId,
        dropped: [],
        fifo: truthy(take('FifoQueue')) || undefined,
        contentBasedDeduplication:
          truthy(take('ContentBasedDeduplication')) || undefined,
        visibilityTimeout: asNumber(take('VisibilityTimeout')),
        retentionPeriod: asNumber(take('MessageRetentionPeriod')),
        deadLetter:
          typeof dlq === 'string' && maxReceiveCount !== undefined
            ? { logicalId: dlq, maxReceiveCount }
            : undefined,
      });
    }
    case 'AWS::SNS::Topic':
      return compact<PlannedResource>({
        kind: 'topic',
        logicalId,
        dropped: [],
        fifo: truthy(take('FifoTopic')) || undefined,
        contentBasedDeduplication:
          truthy(take('ContentBasedDeduplication')) || undefined,
      });
    case 'AWS::S3::Bucket':
      return compact<PlannedResource>({
        kind: 'bucket',
        logicalId,
        dropped: [],
        versioned:
          asRecord(take('VersioningConfiguration')).Status === 'Enabled' ||
          undefined,
      });
    case 'AWS::DynamoDB::Table':
      return table(logicalId, take);
    case 'AWS::Serverless::SimpleTable': {
      const key = asRecord(take('PrimaryKey'));
      const name = typeof key.Name === 'string' ? key.Name : 'id';
      const keyType =
        key.Type === 'Number'
          ? 'NUMBER'
          : key.Type === 'Binary'
            ? 'BINARY'
            : 'STRING';
      return {
        kind: 'table',
        logicalId,
        dropped: [],
        partitionKey: { name, type: keyType },
        indexes: [],
      };
    }
    case 'AWS::Kinesis::Stream':
      return compact<PlannedResource>({
        kind: 'stream',
        logicalId,
        dropped: [],
        shardCount: asNumber(take('ShardCount')),
      });
    default:
      return undefined;
  }
}

function table(
  logicalId: string,
  take: (key: string) => unknown,
): PlannedResource | undefined {
  const types = new Map(
    list(take('AttributeDefinitions')).map((definition) => {
      const { AttributeName, AttributeType } = asRecord(definition);
      const type =
        AttributeType === 'N'
          ? 'NUMBER'
          : AttributeType === 'B'
            ? 'BINARY'
            : 'STRING';
      return [String(AttributeName), type] as const;
    }),
  );
  const keys = (
    schema: unknown,
  ): { partitionKey?: TableAttribute; sortKey?: TableAttribute } => {
    const attribute = (keyType: string): TableAttribute | undefined => {
      const found = list(schema)
        .map(asRecord)
        .find((key) => key.KeyType === keyType);
      const name = found && String(found.AttributeName);
      return name === undefined
        ? undefined
        : { name, type: types.get(name) ?? 'STRING' };
    };
    return compact({
      partitionKey: attribute('HASH'),
      sortKey: attribute('RANGE'),
    });
  };
  const { partitionKey, sortKey } = keys(take('KeySchema'));
  if (partitionKey === undefined) return undefined;
  const throughput = asRecord(take('ProvisionedThroughput'));
  const read = asNumber(throughput.ReadCapacityUnits);
  const write = asNumber(throughput.WriteCapacityUnits);
  const billing = take('BillingMode');
  const view = asRecord(take('StreamSpecification')).StreamViewType;
  const ttl = asRecord(take('TimeToLiveSpecification'));
  const indexes: TableIndex[] = list(take('GlobalSecondaryIndexes')).flatMap(
    (index) => {
      const { IndexName, KeySchema } = asRecord(index);
      const found = keys(KeySchema);
      return found.partitionKey
        ? [compact({ indexName: String(IndexName), ...found }) as TableIndex]
        : [];
    },
  );
  return compact<PlannedResource>({
    kind: 'table',
    logicalId,
    dropped: [],
    partitionKey,
    sortKey,
    provisioned:
      billing !== 'PAY_PER_REQUEST' && read !== undefined && write !== undefined
        ? { read, write }
        : undefined,
    stream:
      view === 'NEW_IMAGE' ||
      view === 'OLD_IMAGE' ||
      view === 'NEW_AND_OLD_IMAGES' ||
      view === 'KEYS_ONLY'
        ? view
        : undefined,
    timeToLiveAttribute:
      truthy(ttl.Enabled) && typeof ttl.AttributeName === 'string'
        ? ttl.AttributeName
        : undefined,
    indexes,
  });
}

/** Drops undefined properties, so plans compare and print cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as T;
}
