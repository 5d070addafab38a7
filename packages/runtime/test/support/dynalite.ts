import {
  CreateTableCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';

/** A DynamoDB API on 127.0.0.1 (dynalite, in memory), reached through the SDK's standard env. */
export interface LocalDynamoDb {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  /** Creates a table shaped like the one `NestFunction` creates: key `id`, TTL on `expiration`. */
  createIdempotencyTable(name: string): Promise<void>;
  stop(): Promise<void>;
}

const ENV = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
};

/** Starts dynalite on a free port and points `AWS_ENDPOINT_URL_DYNAMODB` at it until `stop()`. */
export async function startDynamoDb(): Promise<LocalDynamoDb> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const saved = Object.fromEntries(
    [...Object.keys(ENV), 'AWS_ENDPOINT_URL_DYNAMODB'].map((key) => [
      key,
      process.env[key],
    ]),
  );
  Object.assign(process.env, ENV, { AWS_ENDPOINT_URL_DYNAMODB: endpoint });
  const client = new DynamoDBClient({
    requestHandler: { requestTimeout: 5_000 },
  });
  return {
    endpoint,
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
      await client
        .send(
          new UpdateTimeToLiveCommand({
            TableName: name,
            TimeToLiveSpecification: {
              AttributeName: 'expiration',
              Enabled: true,
            },
          }),
        )
        .catch(() => undefined);
    },
    async stop() {
      client.destroy();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
