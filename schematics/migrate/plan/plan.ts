// The migration plan: what `migrate` read from a handler file, a serverless.yml or a SAM template,
// reduced to one plain model so that a single renderer writes the project files for all three.

export { MIGRATE_TRIGGERS, type MigrateTrigger } from '../../utils/triggers.js';
export type PseudoParameter =
  | 'AWS::AccountId'
  | 'AWS::Region'
  | 'AWS::Partition'
  | 'AWS::StackName'
  | 'AWS::URLSuffix';

/**
 * A string known only at synth or deploy time. Literals stay plain strings; everything else is one
 * of these, rendered by `migrate-render-value.ts` into a CDK expression.
 */
export type Expr =
  | { kind: 'env'; name: string; fallback?: Value } // read from process.env when `cdk synth` runs
  | { kind: 'parameter'; name: string; fallback?: string; reason: string } // a CfnParameter
  | { kind: 'ssm'; path: string } // an SSM parameter resolved at deploy time
  | { kind: 'resource'; logicalId: string; attribute?: string } // Ref (no attribute) or GetAtt
  | { kind: 'pseudo'; name: PseudoParameter }
  | { kind: 'import'; exportName: Value } // Fn::ImportValue
  | { kind: 'concat'; parts: Value[] };

export type Value = string | Expr;

/** A reference to a queue, topic, bucket or stream: declared in the same template, or external. */
export type ResourceRef =
  { kind: 'declared'; logicalId: string } | { kind: 'arn'; arn: Value };

/**
 * How a legacy route was authorized, carried over with the real CDK authorizer: IAM (HTTP and REST
 * APIs), a JWT authorizer (HTTP APIs), a Cognito user pool (REST APIs). Lambda authorizers and API
 * keys are refused (authorizers.ts). `name` is the authorizer's name in the source.
 */
export type PlannedAuth =
  | { kind: 'iam' }
  | {
      kind: 'jwt';
      name: string;
      issuer: Value;
      audience: Value[];
      identitySource?: string[];
      scopes?: string[];
    }
  | { kind: 'cognito'; name: string; userPoolArn: Value; scopes?: string[] };

export type PlannedTrigger =
  | {
      type: 'http-api';
      method: string;
      path: string;
      api: string;
      auth?: PlannedAuth;
    }
  | {
      type: 'rest-api';
      method: string;
      path: string;
      api: string;
      auth?: PlannedAuth;
    }
  | {
      type: 'sqs';
      queue: ResourceRef;
      batchSize?: number;
      maxBatchingWindow?: number;
      /** ScalingConfig.MaximumConcurrency: how many concurrent invocations the queue may drive. */
      maxConcurrency?: number;
      reportBatchItemFailures?: boolean;
    }
  | { type: 'sns'; topic: ResourceRef; filterPolicy?: unknown }
  | {
      type: 's3';
      bucket: ResourceRef;
      events: string[];
      prefix?: string;
      suffix?: string;
    }
  | { type: 'schedule'; expression: string; input?: unknown; enabled: boolean }
  | { type: 'eventbridge'; pattern: unknown; eventBus?: Value }
  | {
      type: 'dynamodb-stream' | 'kinesis';
      stream: ResourceRef;
      batchSize?: number;
      startingPosition: 'LATEST' | 'TRIM_HORIZON';
      reportBatchItemFailures?: boolean;
    }
  | { type: 'invoke' };

export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  resources: Value[];
}

export interface TableAttribute {
  name: string;
  type: 'STRING' | 'NUMBER' | 'BINARY';
}

export interface TableIndex {
  indexName: string;
  partitionKey: TableAttribute;
  sortKey?: TableAttribute;
}

/**
 * A resource the template declares (or Serverless creates for an event) that a migrated function
 * uses; the service's stack creates its own, with the properties that carry meaning for the code.
 * Physical names are never carried over: the legacy stack still owns them.
 */
export type PlannedResource = {
  logicalId: string;
  dropped: string[];
  /**
   * The physical name the legacy resource had (BucketName, TopicName, QueueName, TableName):
   * not given to the new one, whose name CloudFormation generates (see legacy-names.ts).
   */
  legacyName?: string;
} & (
  | {
      kind: 'queue';
      fifo?: boolean;
      contentBasedDeduplication?: boolean;
      visibilityTimeout?: number;
      retentionPeriod?: number;
      deadLetter?: { logicalId: string; maxReceiveCount: number };
    }
  | { kind: 'topic'; fifo?: boolean; contentBasedDeduplication?: boolean }
  | { kind: 'bucket'; versioned?: boolean }
  | {
      kind: 'table';
      partitionKey: TableAttribute;
      sortKey?: TableAttribute;
      provisioned?: { read: number; write: number };
      stream?: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
      timeToLiveAttribute?: string;
      indexes: TableIndex[];
    }
  | { kind: 'stream'; shardCount?: number }
);

export type ResourceKind = PlannedResource['kind'];

export interface LegacyHandlerRef {
  /** Absolute path of the legacy module. */
  file: string;
  exportName: string;
}

export interface PlannedFunction {
  /** kebab-case name in the project (folder, files, construct id). */
  name: string;
  /** The key in serverless.yml or the logical id in the template, for reports. */
  sourceName: string;
  handler: LegacyHandlerRef;
  memorySize?: number;
  timeout?: number;
  environment: Record<string, Value>;
  statements: PolicyStatement[];
  triggers: PlannedTrigger[];
}

/** Something the run did not migrate, or decided on the user's behalf, with where to look. */
export interface Finding {
  subject: string;
  detail: string;
  where: string;
}

export interface MigrationPlan {
  sourceKind: 'handler' | 'serverless' | 'sam';
  /** The source as the user named it, for the report. */
  source: string;
  functions: PlannedFunction[];
  resources: PlannedResource[];
  notMigrated: Finding[];
  notes: Finding[];
}
