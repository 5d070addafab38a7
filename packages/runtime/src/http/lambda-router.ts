import type { Handler, RouteTable } from './route-table.js';

const VERBS = [
  'get',
  'post',
  'put',
  'delete',
  'patch',
  'head',
  'options',
  'search',
  'query',
  'propfind',
  'proppatch',
  'mkcol',
  'copy',
  'move',
  'lock',
  'unlock',
] as const;

type Register = (...args: unknown[]) => void;
export type LambdaRouter = {
  readonly [verb in (typeof VERBS)[number] | 'all' | 'use']: Register;
};

// The "framework instance" of the adapter: AbstractHttpAdapter delegates `get()`, `post()`, ...,
// `all()` and `use()` to it, as it would to an Express application.
export function createRouter(routes: RouteTable): LambdaRouter {
  const register =
    (method: string | undefined): Register =>
    (...args) => {
      const [path, handler] = args.length === 1 ? ['{*path}', args[0]] : args;
      routes.route(method, path as string, handler as Handler);
    };
  const verbs = Object.fromEntries(
    VERBS.map((verb) => [verb, register(verb.toUpperCase())]),
  );
  return {
    ...(verbs as { [verb in (typeof VERBS)[number]]: Register }),
    all: register(undefined),
    use: (...args) => {
      const [path, handler] = args.length === 1 ? [undefined, args[0]] : args;
      routes.use(path as string | undefined, handler as Handler);
    },
  };
}
