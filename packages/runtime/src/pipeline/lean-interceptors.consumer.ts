import { AsyncResource } from 'node:async_hooks';
import {
  StreamableFile,
  type CallHandler,
  type ContextType,
  type NestInterceptor,
} from '@nestjs/common';
import type { Controller } from '@nestjs/common/internal';
import {
  InterceptorsConsumer,
  type ExecutionContextHost,
} from '@nestjs/core/internal';
import {
  EmptyError,
  from,
  isObservable,
  mergeAll,
  Observable,
  of,
  type ObservableInput,
  type Observer,
  type Subscriber,
  type Subscription,
  type TeardownLogic,
} from 'rxjs';

type Handler = () => Promise<unknown>;

/**
 * Nest's `InterceptorsConsumer` with a shorter Observable chain, for `@LambdaHandler()` methods.
 * Nest wraps each interceptor's `next.handle()` and the handler in `defer()`, a bound async scope
 * and `mergeAll()`, and `ExternalContextCreator` subscribes with `lastValueFrom()`: per record three
 * inner subscriptions, several promises and a dozen closures, each renamed by esbuild's keepNames
 * (an `Object.defineProperty` of about 1 µs). Here each level is one `Observable` that subscribes
 * to what the level below gives, and the result is a promise of its last value. What interceptors
 * see is the same: `handle()` is lazy and runs the rest of the chain again at each subscription
 * (`retry()` works), in the async context of the `handle()` call (AsyncLocalStorage included); an
 * interceptor may return an Observable or a promise of one; the handler's result is emitted once,
 * and an Observable or promise it returns is flattened. Only an `async intercept()` goes through
 * rxjs's `mergeAll()`, as in Nest.
 */
export class LeanInterceptorsConsumer extends InterceptorsConsumer {
  override async intercept<TContext extends string = ContextType>(
    interceptors: NestInterceptor[],
    args: unknown[],
    instance: Controller,
    callback: (...args: unknown[]) => unknown,
    next: Handler,
    type?: TContext,
  ): Promise<unknown> {
    if (interceptors.length === 0) return next();
    const context = this.createContext(args, instance, callback);
    // Nest sets whatever it was given; `undefined` never comes from `ExternalContextCreator`.
    context.setType(type as TContext);
    const chain = new Chain(interceptors, context, next);
    // What `ExternalContextCreator` makes of Nest's Observable (`lastValueFrom()`), without its
    // closures: the last value, or rxjs's EmptyError.
    return new Promise((resolve, reject) => {
      new Observable((subscriber) =>
        chain.subscribeAt(0, subscriber),
      ).subscribe(new LastValue(resolve, reject));
    });
  }
}

class LastValue implements Observer<unknown> {
  #value: unknown;
  #hasValue = false;

  constructor(
    private readonly resolve: (value: unknown) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  next(value: unknown): void {
    this.#value = value;
    this.#hasValue = true;
  }

  error(error: unknown): void {
    this.reject(error);
  }

  complete(): void {
    if (!this.#hasValue) {
      this.reject(new EmptyError());
      return;
    }
    // Nest hands an Observable result on as it is; the caller would subscribe to one given here.
    const value = this.#value;
    this.resolve(isObservable(value) ? of(value) : value);
  }
}

// The interceptors of one call, their shared context and the handler behind them. A class rather
// than closures: its methods exist once, where closures would be made (and named, by esbuild's
// keepNames) again for every record.
class Chain {
  constructor(
    private readonly interceptors: readonly NestInterceptor[],
    private readonly context: ExecutionContextHost,
    private readonly next: Handler,
  ) {}

  subscribeAt(index: number, subscriber: Subscriber<unknown>): TeardownLogic {
    if (index < this.interceptors.length) {
      const result = this.interceptors[index]!.intercept(
        this.context,
        new NextHandler(this, index + 1),
      );
      // An `async intercept()` gives a promise of an Observable: flattened as Nest does.
      return (
        isObservable(result)
          ? result
          : from(result as ObservableInput<Observable<unknown>>).pipe(
              mergeAll(),
            )
      ).subscribe(subscriber);
    }
    return subscribeToHandler(this.next(), subscriber);
  }
}

// `next` of the interceptor before `index`: runs the rest of the chain, in the async context of
// the `handle()` call, at each subscription.
class NextHandler implements CallHandler {
  constructor(
    private readonly chain: Chain,
    private readonly index: number,
  ) {}

  handle(): Observable<unknown> {
    const scope = new AsyncResource('LambdaInterceptorNext');
    const { chain, index } = this;
    return new Observable((subscriber) =>
      scope.runInAsyncScope(() => chain.subscribeAt(index, subscriber)),
    );
  }
}

// The handler's result as Nest's `transformDeferred` gives it: its value once, an Observable or
// promise it returns flattened, an error as the Observable's error; nothing after the subscriber
// has gone.
function subscribeToHandler(
  result: Promise<unknown>,
  subscriber: Subscriber<unknown>,
): TeardownLogic {
  let inner: Subscription | undefined;
  result
    .then((value) => {
      if (subscriber.closed) {
        releaseUnsent(value);
        return;
      }
      if (value instanceof Promise || isObservable(value)) {
        inner = from(value).subscribe(subscriber);
        return;
      }
      subscriber.next(value);
      subscriber.complete();
    })
    .catch((error: unknown) => {
      if (!subscriber.closed) subscriber.error(error);
    });
  return () => inner?.unsubscribe();
}

// A file nobody will read still holds what its stream reads from: released as Nest releases it
// (from 12.5, in a helper that 12.1, the lowest Nest the runtime supports, does not have).
function releaseUnsent(value: unknown): void {
  if (!(value instanceof StreamableFile)) return;
  const stream = value.getStream() as { destroy?: () => void } | undefined;
  if (typeof stream?.destroy === 'function') stream.destroy();
}
