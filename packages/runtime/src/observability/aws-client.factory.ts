import type { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * Creates AWS SDK v3 clients for the function: with tracing on (`tracing: true` on `NestFunction`),
 * each client is captured by Powertools' Tracer, so every call shows as a subsegment of the handler
 * method that made it; with tracing off, the client is returned as created.
 *
 * @example
 * ```ts
 * @Injectable()
 * export class OrdersRepository {
 *   private readonly dynamodb: DynamoDBClient;
 *   constructor(clients: AwsClientFactory) {
 *     this.dynamodb = clients.create(DynamoDBClient, {});
 *   }
 * }
 * ```
 */
export class AwsClientFactory {
  constructor(private readonly tracer?: Tracer) {}

  /** `new Client(config)`, captured when tracing is on. */
  create<TClient extends object, TConfig>(
    Client: new (config: TConfig) => TClient,
    config: TConfig,
  ): TClient {
    const client = new Client(config);
    return this.tracer ? this.tracer.captureAWSv3Client(client) : client;
  }
}
