import { RequestMethod, type VersioningOptions } from '@nestjs/common';
import type { VersionValue } from '@nestjs/common/internal';
import { AbstractHttpAdapter } from '@nestjs/core';
import { LegacyRouteConverter } from '@nestjs/core/internal';
import cors, { type CorsOptions } from 'cors';
import type { Application } from 'express';
import { pathToRegexp } from 'path-to-regexp';
import { parseBody } from './body-parser.js';
import { createExpressSettings } from './express-settings.js';
import { reply } from './http-reply.js';
import {
  LambdaHttpRequest,
  LambdaSocket,
  type HttpRequestParts,
} from './lambda-http.request.js';
import { LambdaHttpResponse } from './lambda-http.response.js';
import { createRouter } from './lambda-router.js';
import { RouteTable, type ErrorHandler, type Handler } from './route-table.js';
import { refuseSwaggerUi } from './swagger-ui.js';
import { applyVersionFilter } from './version-filter.js';

/**
 * A Nest HTTP adapter without a server: Nest registers its routes, middleware, not-found and
 * error handlers on it during `app.init()` as it would on Express, and `createHandler` hands it
 * one request per invocation. Router, param decorators, pipes, guards, interceptors and exception
 * filters are Nest's own; this class only matches paths and collects the response.
 *
 * @example
 * ```ts
 * const adapter = new LambdaHttpAdapter();
 * const app = await NestFactory.create(AppModule, adapter);
 * await app.init();
 * await adapter.handle(request, response);
 * ```
 */
export class LambdaHttpAdapter extends AbstractHttpAdapter<
  undefined,
  LambdaHttpRequest,
  LambdaHttpResponse
> {
  private readonly routes: RouteTable;
  // Never listens: it holds the settings Express's request and response methods read
  // (`trust proxy`, `etag`, `json replacer`, ...), which `app.set()` changes as on Express.
  private readonly express: Application;

  constructor() {
    const routes = new RouteTable();
    const app = createExpressSettings();
    super(createRouter(routes, app));
    this.routes = routes;
    this.express = app;
  }

  /** Builds the request and response of one invocation from the parts its trigger extracted. */
  createExchange(parts: HttpRequestParts): {
    request: LambdaHttpRequest;
    response: LambdaHttpResponse;
  } {
    const socket = new LambdaSocket();
    const request = new LambdaHttpRequest(parts, this.express, socket);
    return { request, response: new LambdaHttpResponse(request, socket) };
  }

  /**
   * Runs one request through the registered routes; resolves once the response has finished.
   * Then, as a server does, the connection closes: the response and the request emit `close`.
   */
  async handle(
    request: LambdaHttpRequest,
    response: LambdaHttpResponse,
  ): Promise<void> {
    await this.routes.dispatch(request, response);
    response.socket?.destroy();
    if (!request.readableEnded) request.resume();
  }

  override get(...args: [Function] | [unknown, Function]): unknown {
    refuseSwaggerUi(args[0]);
    return (super.get as (...a: unknown[]) => unknown)(...args);
  }

  reply(
    response: LambdaHttpResponse,
    body: unknown,
    statusCode?: number,
  ): unknown {
    return reply(response, body, statusCode);
  }

  status(response: LambdaHttpResponse, statusCode: number): unknown {
    return response.status(statusCode);
  }

  end(response: LambdaHttpResponse, message?: string): unknown {
    return response.end(message);
  }

  render(): never {
    throw new Error(
      '@Render() needs a view engine, which Lambda functions do not have.',
    );
  }

  redirect(
    response: LambdaHttpResponse,
    statusCode: number,
    url: string,
  ): unknown {
    return response.redirect(statusCode, url);
  }

  setErrorHandler(handler: Function): void {
    this.routes.useErrorHandler(handler as ErrorHandler);
  }

  // As Nest's ExpressAdapter: with a global prefix, paths outside it (but for the excluded routes)
  // are left to the final handler, Express's plain 404 page.
  setNotFoundHandler(
    handler: Function,
    prefix?: string,
    excludedRoutes?: ReadonlyArray<{ path: string }>,
  ): void {
    const normalized = prefix
      ? `/${prefix.replace(/^\/+|\/+$/g, '')}`
      : undefined;
    if (!normalized || normalized === '/') {
      this.routes.use(undefined, handler as Handler);
      return;
    }
    this.routes.use(normalized, handler as Handler);
    for (const route of excludedRoutes ?? []) {
      const path = route.path.startsWith('/') ? route.path : `/${route.path}`;
      this.routes.route(undefined, path, handler as Handler);
    }
  }

  isHeadersSent(response: LambdaHttpResponse): boolean {
    return response.headersSent;
  }

  getHeader(response: LambdaHttpResponse, name: string): unknown {
    return response.getHeader(name);
  }

  setHeader(
    response: LambdaHttpResponse,
    name: string,
    value: string,
  ): unknown {
    return response.setHeader(name, value);
  }

  appendHeader(
    response: LambdaHttpResponse,
    name: string,
    value: string,
  ): unknown {
    return response.appendHeader(name, value);
  }

  getRequestHostname(request: LambdaHttpRequest): string | undefined {
    return request.hostname;
  }

  getRequestMethod(request: LambdaHttpRequest): string {
    return request.method;
  }

  getRequestUrl(request: LambdaHttpRequest): string {
    return request.originalUrl;
  }

  registerParserMiddleware(): void {
    this.routes.use(undefined, (request, _response, next) => {
      parseBody(request);
      next();
    });
  }

  // As Nest's ExpressAdapter: the core marks an exact path with a trailing `$` (the bare global
  // prefix of `{*splat}` middleware); other paths of method-less middleware match as prefixes
  // (`use`), method-bound ones as routes. Legacy paths (`*`, `/users/*`) are converted first.
  createMiddlewareFactory(
    method: RequestMethod,
  ): (path: string, callback: Function) => void {
    const verb =
      method === RequestMethod.ALL ? undefined : RequestMethod[method];
    return (path, callback) => {
      const isExact = path.endsWith('$');
      const converted = this.normalizePath(isExact ? path.slice(0, -1) : path);
      if (verb === undefined && !isExact) {
        this.routes.use(converted, callback as Handler);
      } else {
        this.routes.route(verb, converted, callback as Handler);
      }
    };
  }

  applyVersionFilter(
    handler: Function,
    version: VersionValue,
    options: VersioningOptions,
  ): (
    req: LambdaHttpRequest,
    res: LambdaHttpResponse,
    next: () => void,
  ) => Function {
    return applyVersionFilter(handler as Handler, version, options) as never;
  }

  override normalizePath(path: string): string {
    const converted = LegacyRouteConverter.tryConvert(path);
    pathToRegexp(converted); // throws at startup for a path the router cannot match
    return converted;
  }

  isRouteOrderSensitive(): boolean {
    return true;
  }

  getRouteMatchingOptions(): {
    caseSensitive: boolean;
    ignoreTrailingSlash: boolean;
  } {
    return { caseSensitive: false, ignoreTrailingSlash: true };
  }

  // As Nest's ExpressAdapter: the `cors` middleware, so the function answers preflight requests.
  enableCors(options?: CorsOptions): void {
    this.routes.use(undefined, cors(options) as Handler);
  }

  useStaticAssets(): never {
    throw new Error(
      'Static assets are not served by Lambda functions; put them on S3/CloudFront.',
    );
  }

  setViewEngine(): never {
    throw new Error('Lambda functions have no view engine.');
  }

  initHttpServer(): void {
    // No server: requests arrive as Lambda events.
  }

  close(): void {
    // Nothing to close.
  }

  getType(): string {
    return 'http';
  }
}
