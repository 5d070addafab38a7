// Runs a legacy Lambda handler of any style and answers through one promise, as the Node.js
// runtime does (aws-lambda-nodejs-runtime-interface-client, CallbackContext.js):
// - a returned promise (any thenable) answers with its value, or fails with its reason;
// - `callback(error)`, `context.fail(error)` and `context.done(error)` fail at once;
//   `context.fail()` with no error fails with "handled", as the runtime reports it;
// - `context.succeed(value)` and `context.done(null, value)` answer at once;
// - `callback(null, value)` answers once the work in flight settles. The runtime waits for an empty
//   event loop and the last callback before then wins; a shared Nest process never empties its
//   loop, so the answer is taken on the next turn of the loop (`setImmediate`), the last call in
//   that window winning, unless `context.callbackWaitsForEmptyEventLoop` is false: then the first
//   call answers at once. When the handler also returned a promise, the loop cannot empty before
//   that promise settles, so the promise answers and the callback's value is dropped;
// - a handler that neither returns a promise nor calls back (or returns a plain value) answers
//   `null` once the work it started is done: the timers, sockets and file requests it opened, and
//   theirs in turn (tracked with async_hooks, as the runtime's "empty event loop" cannot be seen in
//   a shared process); the function no longer waits for its timeout;
// - the first final answer wins; later calls are ignored, as the runtime ignores them.
// Errors are rethrown as the handler gave them (a string stays a string), so the migrated function
// fails with the same errorType and errorMessage. Copied into projects by `create-nest-lambda migrate`.
import { AsyncResource, createHook } from 'node:async_hooks';
import type { Context } from 'aws-lambda';

/** A legacy handler: `(event, context, callback) => unknown`, whichever of them it declares. */
export type LegacyHandler = (...args: never[]) => unknown;

type Settle = { ok: true; value: unknown } | { ok: false; error: unknown };
type RawHandler = (
  event: unknown,
  context: LegacyContext,
  callback: Callback,
) => unknown;
type Callback = (error?: unknown, value?: unknown) => void;

/** The Lambda context with the callback-era methods the Node.js runtime still provides. */
export interface LegacyContext extends Context {
  done(error?: unknown, value?: unknown): void;
  succeed(value?: unknown): void;
  fail(error?: unknown): void;
}

export function invokeLegacy(
  handler: LegacyHandler,
  event: unknown,
  context: Context,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let returnedPromise = false;
    let calledBack = false;
    let deferred: NodeJS.Immediate | undefined;
    const work = new WorkTracker();
    const settle = (outcome: Settle): void => {
      if (settled) return;
      settled = true;
      work.stop();
      if (deferred !== undefined) clearImmediate(deferred);
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    };
    const legacyContext: LegacyContext = {
      ...context,
      callbackWaitsForEmptyEventLoop:
        context.callbackWaitsForEmptyEventLoop ?? true,
      getRemainingTimeInMillis: () => context.getRemainingTimeInMillis(),
      done: (error, value) =>
        settle(
          error === undefined || error === null
            ? { ok: true, value }
            : { ok: false, error },
        ),
      succeed: (value) => settle({ ok: true, value }),
      fail: (error) => settle({ ok: false, error: error ?? 'handled' }),
    };
    const callback: Callback = (error, value) => {
      calledBack = true;
      if (error !== undefined && error !== null)
        return settle({ ok: false, error });
      if (!legacyContext.callbackWaitsForEmptyEventLoop)
        return settle({ ok: true, value });
      if (returnedPromise) return;
      if (deferred !== undefined) clearImmediate(deferred);
      deferred = setImmediate(() => settle({ ok: true, value }));
    };
    try {
      const result = work.run(() =>
        (handler as unknown as RawHandler)(event, legacyContext, callback),
      );
      if (!isThenable(result)) {
        work.whenDone(() => {
          if (!calledBack) settle({ ok: true, value: null });
        });
      } else {
        returnedPromise = true;
        work.stop();
        if (deferred !== undefined) clearImmediate(deferred);
        result.then(
          (value) => settle({ ok: true, value }),
          (error: unknown) => settle({ ok: false, error: error ?? 'handled' }),
        );
      }
    } catch (error) {
      settle({ ok: false, error });
    }
  });
}

/** Whether a resource keeps Lambda's event loop alive: a ref'd handle, or a native request. */
function keepsLoopAlive(type: string, resource: object): boolean {
  const handle = resource as { hasRef?: () => boolean };
  if (typeof handle.hasRef === 'function') return handle.hasRef();
  // HTTP's request and message objects are JS resources destroyed only when collected; their
  // sockets and writes are tracked on their own.
  if (type.startsWith('HTTP')) return false;
  return /REQ|WRAP$|^(TickObject|Microtask|ZLIB)$/.test(type);
}

/**
 * The asynchronous work one handler call starts, and the work that work starts in turn: what
 * Lambda waits for before it answers `null`. Promises do not count, as they do not keep the
 * loop alive.
 */
class WorkTracker {
  private readonly scope = new AsyncResource('LegacyHandler');
  private readonly family = new Set<number>([this.scope.asyncId()]);
  private readonly live = new Map<number, { type: string; resource: object }>();
  private immediate: NodeJS.Immediate | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly hook = createHook({
    init: (asyncId, type, triggerAsyncId, resource: object) => {
      if (!this.family.has(triggerAsyncId)) return;
      this.family.add(asyncId);
      if (type !== 'PROMISE') this.live.set(asyncId, { type, resource });
    },
    destroy: (asyncId) => {
      this.live.delete(asyncId);
    },
  });

  run<T>(call: () => T): T {
    this.hook.enable();
    return this.scope.runInAsyncScope(call);
  }

  /** Calls `done` once no tracked work keeps the loop alive, checking after each loop turn. */
  whenDone(done: () => void): void {
    const check = () => {
      const busy = [...this.live.values()].some(({ type, resource }) =>
        keepsLoopAlive(type, resource),
      );
      if (!busy) {
        this.stop();
        done();
      } else this.timer = setTimeout(check, 1);
    };
    this.immediate = setImmediate(check);
  }

  stop(): void {
    this.hook.disable();
    clearImmediate(this.immediate);
    clearTimeout(this.timer);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * The handler `name` of a legacy module imported with `import * as legacy`. A CommonJS module's
 * exports are on `default` (Node and esbuild) and, when Node can tell them apart, on the namespace
 * itself; an ES module's are on the namespace.
 */
export function legacyExport(module: object, name: string): LegacyHandler {
  const namespace = module as { [key: string]: unknown; default?: unknown };
  const commonJs = namespace.default as { [key: string]: unknown } | undefined;
  const found =
    namespace[name] ??
    (typeof commonJs === 'object' || typeof commonJs === 'function'
      ? commonJs?.[name]
      : undefined);
  if (typeof found !== 'function') {
    throw new TypeError(`the legacy module has no function export "${name}"`);
  }
  return found as LegacyHandler;
}
