import {
  withPayload,
  type LambdaInvocation,
} from '../pipeline/lambda-invocation.js';
import type { HandlerMethod } from '../pipeline/handler-method.js';
import type { BatchSource } from './batch.types.js';
import { logRecordFailure } from './record-failure.js';

/**
 * The records of one batch event, run by one handler method: each record is decoded into its
 * `@Body()` and runs through the method's pipeline as an invocation of its own, and a failed one
 * is logged with the request id. Each batch trigger says how to identify and decode its records.
 *
 * A class, not an object of closures: its methods exist once, where closures would be made and
 * named (esbuild's keepNames) again for every batch.
 */
export abstract class RecordSource<TRecord> implements BatchSource<TRecord> {
  constructor(
    readonly records: readonly TRecord[],
    protected readonly invocation: LambdaInvocation,
    protected readonly method: HandlerMethod,
  ) {}

  /** `itemIdentifier` of a record: the SQS message id, or the stream sequence number. */
  abstract identify(record: TRecord): string;

  /** What `@Body()` is for the record; throws when the record cannot be decoded. */
  protected abstract decode(record: TRecord): unknown;

  async run(record: TRecord): Promise<unknown> {
    return this.method.run(
      withPayload(this.invocation, record, this.decode(record)),
    );
  }

  reportFailure(itemIdentifier: string, error: unknown): void {
    logRecordFailure(this.invocation, itemIdentifier, error);
  }
}
