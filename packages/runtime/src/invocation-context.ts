import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { Context } from 'aws-lambda';
import type { LambdaInvocation } from './pipeline/lambda-invocation.js';
import type { Trigger } from './triggers/trigger-catalog.js';

/**
 * The current invocation, for singletons: request id, function name, remaining time, and the event
 * and record being processed. It reads an `AsyncLocalStorage` entered once per invocation and once
 * per record, so concurrent invocations in one process never see each other's values. Outside an
 * invocation (module init, `onModuleInit`) every getter returns `undefined`.
 *
 * @example
 * ```ts
 * @Injectable()
 * export class AuditService {
 *   constructor(private readonly invocation: InvocationContext) {}
 *   stamp() {
 *     return { requestId: this.invocation.requestId, at: Date.now() };
 *   }
 * }
 * ```
 */
@Injectable()
export class InvocationContext {
  readonly #storage = new AsyncLocalStorage<LambdaInvocation>();
  #started = 0;

  /** The whole current invocation (or record), as `getLambdaInvocation()` gives it. */
  get current(): LambdaInvocation | undefined {
    return this.#storage.getStore();
  }

  get requestId(): string | undefined {
    return this.#storage.getStore()?.context.awsRequestId;
  }

  get functionName(): string | undefined {
    return this.#storage.getStore()?.context.functionName;
  }

  /** Milliseconds left before Lambda stops the invocation. */
  get remainingTimeMs(): number | undefined {
    return this.#storage.getStore()?.context.getRemainingTimeInMillis();
  }

  get trigger(): Trigger | undefined {
    return this.#storage.getStore()?.trigger;
  }

  get event(): unknown {
    return this.#storage.getStore()?.event;
  }

  get record(): unknown {
    return this.#storage.getStore()?.record;
  }

  /** `true` during the first invocation of this execution environment, and before it. */
  get coldStart(): boolean {
    return this.#storage.getStore()?.coldStart ?? this.#started === 0;
  }

  /** Describes a new invocation; used by `createHandler`. */
  begin(trigger: Trigger, event: unknown, context: Context): LambdaInvocation {
    return {
      trigger,
      event,
      record: undefined,
      context,
      body: undefined,
      coldStart: this.#started++ === 0,
    };
  }

  /** Runs `fn` with `invocation` as the current invocation (or record). */
  run<T>(invocation: LambdaInvocation, fn: () => T): T {
    return this.#storage.run(invocation, fn);
  }
}
