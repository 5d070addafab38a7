import { Injectable } from '@nestjs/common';
import type { Context } from 'aws-lambda';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import {
  IdempotencyPayloadMismatchError,
  IdempotencySetupError,
} from '../errors.js';
import {
  IDEMPOTENCY_TABLE_ENV,
  type IdempotentSettings,
} from './idempotent.options.js';

/** What one idempotent call is about: the key and the payload it must keep matching. */
export interface IdempotencySubject {
  readonly key: unknown;
  readonly payload: unknown;
}

/** One call of an `@Idempotent()` method: which method, its settings, the key and how to run it. */
export interface IdempotentCall {
  /** `Class.method`, part of the record id. */
  readonly method: string;
  readonly settings: IdempotentSettings;
  readonly subject: IdempotencySubject;
  /** The invocation's Lambda context, shared by the records of a batch. */
  readonly context: Context;
  readonly fn: () => Promise<unknown>;
}

type Powertools = typeof import('@aws-lambda-powertools/idempotency') &
  typeof import('@aws-lambda-powertools/idempotency/dynamodb');

// Powertools is imported on the first idempotent call, never at startup: a function that uses no
// `@Idempotent()` method loads none of it.
async function loadPowertools(): Promise<Powertools> {
  try {
    const [core, dynamodb] = await Promise.all([
      import('@aws-lambda-powertools/idempotency'),
      import('@aws-lambda-powertools/idempotency/dynamodb'),
    ]);
    return { ...core, ...dynamodb };
  } catch (error) {
    throw new IdempotencySetupError(
      '@Idempotent() needs @aws-lambda-powertools/idempotency and @aws-sdk/client-dynamodb: add both to the dependencies.',
      { cause: error },
    );
  }
}

/**
 * Runs `@Idempotent()` methods through Powertools' `makeIdempotent` with one DynamoDB persistence
 * layer per method (a layer keeps the first configuration it is given). Records of one batch that
 * share a key run one after the other, so the second returns the first one's stored result instead
 * of failing as "in progress"; concurrent invocations do not wait for each other.
 */
@Injectable()
export class IdempotencyStore {
  #powertools: Promise<Powertools> | undefined;
  readonly #layers = new Map<string, BasePersistenceLayer>();
  // Per invocation (records of a batch share their parent's Lambda context), dropped with it.
  readonly #inFlight = new WeakMap<Context, Map<string, Promise<unknown>>>();

  /** Runs `call.fn` once for its key, or returns what the run that had the key stored. */
  run(call: IdempotentCall): Promise<unknown> {
    let batch = this.#inFlight.get(call.context);
    if (batch === undefined) {
      batch = new Map();
      this.#inFlight.set(call.context, batch);
    }
    const id = `${call.method}\0${JSON.stringify(call.subject.key)}`;
    const earlier = batch.get(id);
    const current = (async () => {
      await earlier?.catch(() => undefined);
      return this.#once(call);
    })();
    batch.set(id, current);
    return current;
  }

  async #once({
    method,
    settings,
    subject,
    context,
    fn,
  }: IdempotentCall): Promise<unknown> {
    const powertools = await (this.#powertools ??= loadPowertools());
    const config = new powertools.IdempotencyConfig({
      eventKeyJmesPath: 'key',
      payloadValidationJmesPath: 'payload',
      expiresAfterSeconds: settings.expiresAfterSeconds,
      throwOnNoIdempotencyKey: true,
      lambdaContext: context,
    });
    // Powertools hashes the argument: `key` for the record id, `payload` for the validation hash.
    const idempotent = powertools.makeIdempotent(
      (_subject: IdempotencySubject) => fn(),
      {
        persistenceStore: this.#layer(method, powertools),
        config,
        // Function and method: functions of a service share the table, methods of a class the prefix.
        keyPrefix: `${context.functionName}.${method}`,
      },
    );
    try {
      return await idempotent(subject);
    } catch (error) {
      if ((error as Error).name === 'IdempotencyValidationError') {
        throw new IdempotencyPayloadMismatchError(method, { cause: error });
      }
      throw error;
    }
  }

  #layer(method: string, powertools: Powertools): BasePersistenceLayer {
    let layer = this.#layers.get(method);
    if (layer === undefined) {
      const tableName = process.env[IDEMPOTENCY_TABLE_ENV];
      if (!tableName) {
        throw new IdempotencySetupError(
          `${method} is @Idempotent() but ${IDEMPOTENCY_TABLE_ENV} is not set: pass idempotency: true to the function's NestFunction.`,
        );
      }
      // The AWS SDK reads AWS_ENDPOINT_URL_DYNAMODB itself (tests, local DynamoDB).
      layer = new powertools.DynamoDBPersistenceLayer({ tableName });
      this.#layers.set(method, layer);
    }
    return layer;
  }
}
