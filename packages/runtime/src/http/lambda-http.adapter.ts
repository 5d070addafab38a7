import {
  Logger,
  type RequestMethod,
  type VersioningOptions,
} from '@nestjs/common';
import type { VersionValue } from '@nestjs/common/internal';
import { AbstractHttpAdapter } from '@nestjs/core';
import { LegacyRouteConverter } from '@nestjs/core/internal';
import { pathToRegexp } from 'path-to-regexp';
import { parseBody } from './body-parser.js';
import { reply } from './http-reply.js';
import type { LambdaHttpRequest } from './lambda-http.request.js';
import type { LambdaHttpResponse } from './lambda-http.response.js';
import { createRouter } from './lambda-router.js';
import { RouteTable, type ErrorHandler, type Handler } from './route-table.js';
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
  private readonly logger = new Logger(LambdaHttpAdapter.name);

  constructor() {
    const routes = new RouteTable();
    super(createRouter(routes));
    this.routes = routes;
  }

  /** Runs one request through the registered routes; resolves once the response has ended. */
  handle(
    request: LambdaHttpRequest,
    response: LambdaHttpResponse,
  ): Promise<void> {
    return this.routes.dispatch(request, response);
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
    return response.status(statusCode).setHeader('location', url).end();
  }

  setErrorHandler(handler: Function): void {
    this.routes.useErrorHandler(handler as ErrorHandler);
  }

  setNotFoundHandler(handler: Function): void {
    this.routes.use(undefined, handler as Handler);
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

  createMiddlewareFactory(
    _method: RequestMethod,
  ): (path: string, callback: Function) => void {
    // Nest already skips requests of other methods for method-bound middleware.
    return (path, callback) =>
      this.routes.route(undefined, path, callback as Handler);
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

  enableCors(): void {
    this.logger.warn(
      'CORS is not applied by the function: configure it on the HTTP API, function URL or ALB.',
    );
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
