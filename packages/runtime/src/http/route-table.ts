import { BadRequestException, Logger } from '@nestjs/common';
import finalhandler from 'finalhandler';
import { match, type MatchFunction } from 'path-to-regexp';
import type { LambdaHttpRequest } from './lambda-http.request.js';
import type { LambdaHttpResponse } from './lambda-http.response.js';

/** Passes control to the next handler, or to the error handlers with an error. */
export type Next = (error?: unknown) => void;
/** A route handler or middleware, as Express calls it. */
export type Handler = (
  request: LambdaHttpRequest,
  response: LambdaHttpResponse,
  next: Next,
) => unknown;
/** An error-handling middleware, as Express calls it. */
export type ErrorHandler = (
  error: unknown,
  request: LambdaHttpRequest,
  response: LambdaHttpResponse,
  next: Next,
) => unknown;
const logger = new Logger('LambdaHttpAdapter');

type Params = Partial<{ [name: string]: string | string[] }>;

interface Layer {
  // Upper-case verb, or `undefined` for every verb.
  readonly method: string | undefined;
  readonly match: MatchFunction<Params> | undefined;
  readonly handle: Handler | ErrorHandler;
  readonly isErrorHandler: boolean;
}

/**
 * The routes, middleware and error handlers Nest registers on the adapter, in registration order,
 * matched the way Express 5 matches them (path-to-regexp 8, case-insensitive, optional trailing
 * slash, HEAD served by GET routes) and chained with `next()`.
 */
export class RouteTable {
  private readonly layers: Layer[] = [];

  route(method: string | undefined, path: string, handle: Handler): void {
    this.layers.push({
      method,
      match: matcher(path, true),
      handle,
      isErrorHandler: false,
    });
  }

  use(path: string | undefined, handle: Handler): void {
    const all = path === undefined || path === '/' || path === '';
    this.layers.push({
      method: undefined,
      match: all ? undefined : matcher(path, false),
      handle,
      isErrorHandler: false,
    });
  }

  useErrorHandler(handle: ErrorHandler): void {
    this.layers.push({
      method: undefined,
      match: undefined,
      handle,
      isErrorHandler: true,
    });
  }

  // Runs the request through the layers. Resolves once the response has ended: route handlers
  // settle when Nest has replied, but middleware and async exception filters may answer later.
  async dispatch(
    request: LambdaHttpRequest,
    response: LambdaHttpResponse,
  ): Promise<void> {
    const { layers } = this;
    const method = request.method;
    const path = request.path;
    let index = 0;
    const next: Next = (error?: unknown) => {
      while (index < layers.length) {
        const layer = layers[index++]!;
        if (layer.isErrorHandler !== (error !== undefined)) continue;
        if (layer.method && layer.method !== method) {
          if (!(method === 'HEAD' && layer.method === 'GET')) continue;
        }
        let result: unknown;
        try {
          if (layer.match) {
            const found = layer.match(path);
            if (!found) continue;
            request.params = found.params as LambdaHttpRequest['params'];
          }
          result =
            error === undefined
              ? (layer.handle as Handler)(request, response, next)
              : (layer.handle as ErrorHandler)(error, request, response, next);
        } catch (thrown) {
          error = thrown ?? new Error('A handler threw a nullish value');
          continue;
        }
        if (isThenable(result)) {
          // Express 5 hands a rejected promise of a handler to the error handlers as well.
          result.then(undefined, (rejection: unknown) =>
            next(rejection ?? new Error('Rejected')),
          );
        }
        return;
      }
      // Reached by paths outside the global prefix, and by errors that Nest's handlers let
      // through (an exception filter that throws, say): Express's own final handler answers
      // (its 404 page, or a 500 without the stack) and the error is logged, which nothing else did.
      finalhandler(request, response, { env: 'production', onerror: logError })(
        error,
      );
    };
    next();
    await response.done();
  }
}

function logError(error: unknown): void {
  logger.error(error);
}

function matcher(path: string, end: boolean): MatchFunction<Params> {
  return match<Params>(path, {
    decode: decodeParam,
    end,
    trailing: true,
    sensitive: false,
  });
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new BadRequestException(`Failed to decode param '${value}'`);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  );
}
