import type { Application } from 'express';
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

type Register = (...args: unknown[]) => unknown;
/** The router Nest registers routes and middleware on: Express's verbs and settings, with no server. */
export type LambdaRouter = {
  readonly [verb in (typeof VERBS)[number] | 'all' | 'use']: Register;
} & Pick<Application, 'set' | 'enable' | 'disable' | 'enabled' | 'locals'>;

/**
 * The "framework instance" of the adapter: AbstractHttpAdapter delegates `get()`, `post()`, ...,
 * `all()` and `use()` to it, as it would to an Express application, and `set()`, `enable()` and
 * `disable()` to the Express settings the request and response methods read.
 */
export function createRouter(
  routes: RouteTable,
  settings: Application,
): LambdaRouter {
  const register =
    (method: string | undefined): Register =>
    (...args) => {
      const [path, handler] = args.length === 1 ? ['{*path}', args[0]] : args;
      routes.route(method, path as string, handler as Handler);
    };
  const verbs = Object.fromEntries(
    VERBS.map((verb) => [verb, register(verb.toUpperCase())]),
  );
  const get = verbs.get!;
  return {
    ...(verbs as { [verb in (typeof VERBS)[number]]: Register }),
    // As on Express, `get(name)` reads a setting.
    get: (...args: unknown[]) =>
      args.length === 1 && typeof args[0] === 'string'
        ? settings.get(args[0])
        : get(...args),
    set: settings.set.bind(settings),
    enable: settings.enable.bind(settings),
    disable: settings.disable.bind(settings),
    enabled: settings.enabled.bind(settings),
    locals: settings.locals,
    all: register(undefined),
    use: (...args) => {
      const [path, handler] = args.length === 1 ? [undefined, args[0]] : args;
      routes.use(path as string | undefined, handler as Handler);
    },
  };
}
