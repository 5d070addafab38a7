import { Stack } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

/** The environment variable the runtime's `@Idempotent()` reads the table name from. */
export const IDEMPOTENCY_TABLE_ENV = 'IDEMPOTENCY_TABLE_NAME';

const TABLE_ID = 'IdempotencyTable';

/**
 * The service's idempotency table, created the first time a function of the stack asks for it and
 * shared by all of them (records are keyed by function and method, so they never collide). It has
 * the shape Powertools' DynamoDB persistence layer expects: partition key `id`, expiry in
 * `expiration`, which DynamoDB's TTL deletes. On demand, since retries come in bursts; point-in-time
 * recovery and a KMS key, as cdk-nag's AwsSolutions pack asks of every table.
 */
export function idempotencyTableOf(scope: Construct): Table {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(TABLE_ID);
  if (existing instanceof Table) return existing;
  return new Table(stack, TABLE_ID, {
    partitionKey: { name: 'id', type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: 'expiration',
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    encryption: TableEncryption.AWS_MANAGED,
  });
}
