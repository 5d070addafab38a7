// dynalite ships no types. The root's tsconfig leaves packages/ out, so the bench and the e2e tests
// see the declaration only through this reference, which an import cannot give (it is ambient).
// oxlint-disable-next-line typescript/triple-slash-reference
/// <reference path="./dynalite-server.d.ts" />
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';

// The one local DynamoDB of the repository: the runtime's tests use it in their own process, the
// bench and the e2e tests (at the root, which depends on the runtime, never the reverse) hand its
// `env` to the functions they start. It lives here because the runtime's tests must run from a copy
// of packages/runtime alone (scripts/test-peers.mjs copies src/ and test/ only).

/**
 * A DynamoDB API on 127.0.0.1: dynalite (npm), in memory, in this process, reached through the AWS
 * SDK's standard `AWS_ENDPOINT_URL_DYNAMODB`.
 */
export interface LocalDynamoDb {
  readonly endpoint: string;
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

/**
 * Starts dynalite on a free port of 127.0.0.1, leaving this process's environment alone (give
 * `env` to the processes that should use it); rejects after `timeoutMs`.
 */
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
    endpoint,
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

/**
 * `startLocalDynamoDb` for code under test in this process: its `env` is set on `process.env`
 * until `stop()`, which puts back what was there.
 */
export async function startInProcessDynamoDb(): Promise<LocalDynamoDb> {
  const db = await startLocalDynamoDb();
  const saved = Object.fromEntries(
    Object.keys(db.env).map((key) => [key, process.env[key]]),
  );
  Object.assign(process.env, db.env);
  return {
    ...db,
    async stop() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await db.stop();
    },
  };
}
