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
// - the first final answer wins; later calls are ignored, as the runtime ignores them.
// Errors are rethrown as the handler gave them (a string stays a string), so the migrated function
// fails with the same errorType and errorMessage. Copied into projects by `create-nest-lambda migrate`.
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
    let deferred: NodeJS.Immediate | undefined;
    const settle = (outcome: Settle): void => {
      if (settled) return;
      settled = true;
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
      if (error !== undefined && error !== null)
        return settle({ ok: false, error });
      if (!legacyContext.callbackWaitsForEmptyEventLoop)
        return settle({ ok: true, value });
      if (returnedPromise) return;
      if (deferred !== undefined) clearImmediate(deferred);
      deferred = setImmediate(() => settle({ ok: true, value }));
    };
    try {
      const result = (handler as unknown as RawHandler)(
        event,
        legacyContext,
        callback,
      );
      if (isThenable(result)) {
        returnedPromise = true;
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
