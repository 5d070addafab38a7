import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';

/**
 * A DynamoDB API on 127.0.0.1: dynalite (npm), in memory, in this process. Functions run in child
 * processes and reach it through the AWS SDK's standard `AWS_ENDPOINT_URL_DYNAMODB`, given in `env`;
 * this process's own environment is left alone.
 */
export interface LocalDynamoDb {
  /** What a function's process needs to use this store instead of AWS. */
  readonly env: Readonly<Record<string, string>>;
  /** A client of this store, for the caller's own checks. */
  readonly client: DynamoDBClient;
  /**
   * A table keyed like NestFunction's idempotency table (`id`). dynalite has no TTL API; Powertools
   * checks `expiration` itself when it reads a record, so expiry still holds.
   */
  createIdempotencyTable(name: string): Promise<void>;
  stop(): Promise<void>;
}

const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Starts dynalite on a free port of 127.0.0.1; rejects after `timeoutMs`. */
export async function startLocalDynamoDb(
  timeoutMs = 10_000,
): Promise<LocalDynamoDb> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`dynalite did not listen within ${timeoutMs} ms`)),
      timeoutMs,
    );
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: REGION,
    credentials: CREDENTIALS,
    requestHandler: { requestTimeout: 5_000 },
  });
  return {
    env: {
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    },
    client,
    async createIdempotencyTable(name) {
      await client.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        }),
      );
    },
    async stop() {
      client.destroy();
      // Keep-alive sockets of the functions' SDKs would hold close() open.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
