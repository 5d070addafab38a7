import { STATUS_CODES } from 'node:http';
import {
  Logger,
  StreamableFile,
  type RequestMethod,
  type VersioningOptions,
} from '@nestjs/common';
import type { VersionValue } from '@nestjs/common/internal';
import { AbstractHttpAdapter } from '@nestjs/core';
import { LegacyRouteConverter } from '@nestjs/core/internal';
import { pathToRegexp } from 'path-to-regexp';
import { parseBody } from './body-parser.js';
import type { LambdaHttpRequest } from './lambda-http.request.js';
import type { LambdaHttpResponse } from './lambda-http.response.js';
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
  private readonly routes = new RouteTable();
  private readonly logger = new Logger(LambdaHttpAdapter.name);

  constructor() {
    super({});
  }

  /** Runs one request through the registered routes; resolves once the response has ended. */
  handle(
    request: LambdaHttpRequest,
    response: LambdaHttpResponse,
  ): Promise<void> {
    return this.routes.dispatch(request, response);
  }

  override use(...args: unknown[]): this {
    const [path, handler] = args.length === 1 ? [undefined, args[0]] : args;
    this.routes.use(path as string | undefined, handler as Handler);
    return this;
  }

  override get(...args: unknown[]): void {
    this.register('GET', args);
  }
  override post(...args: unknown[]): void {
    this.register('POST', args);
  }
  override put(...args: unknown[]): void {
    this.register('PUT', args);
  }
  override delete(...args: unknown[]): void {
    this.register('DELETE', args);
  }
  override patch(...args: unknown[]): void {
    this.register('PATCH', args);
  }
  override head(...args: unknown[]): void {
    this.register('HEAD', args);
  }
  override options(...args: unknown[]): void {
    this.register('OPTIONS', args);
  }
  override all(...args: unknown[]): void {
    this.register(undefined, args);
  }
  override search(...args: unknown[]): void {
    this.register('SEARCH', args);
  }
  override query(...args: unknown[]): void {
    this.register('QUERY', args);
  }
  override propfind(...args: unknown[]): void {
    this.register('PROPFIND', args);
  }
  override proppatch(...args: unknown[]): void {
    this.register('PROPPATCH', args);
  }
  override mkcol(...args: unknown[]): void {
    this.register('MKCOL', args);
  }
  override copy(...args: unknown[]): void {
    this.register('COPY', args);
  }
  override move(...args: unknown[]): void {
    this.register('MOVE', args);
  }
  override lock(...args: unknown[]): void {
    this.register('LOCK', args);
  }
  override unlock(...args: unknown[]): void {
    this.register('UNLOCK', args);
  }

  private register(method: string | undefined, args: unknown[]): void {
    const [path, handler] = args.length === 1 ? ['{*path}', args[0]] : args;
    this.routes.route(method, path as string, handler as Handler);
  }

  reply(
    response: LambdaHttpResponse,
    body: unknown,
    statusCode?: number,
  ): unknown {
    if (statusCode !== undefined) response.status(statusCode);
    if (body === null || body === undefined) return response.send();
    if (body instanceof StreamableFile)
      return this.replyWithFile(response, body);
    // Unlike Express, which would serialize them as JSON, bytes are sent as bytes.
    if (body instanceof Uint8Array) return response.send(body);
    if (body instanceof Error && response.statusCode >= 400) {
      return response.json({
        statusCode: response.statusCode,
        message: STATUS_CODES[response.statusCode] ?? 'Error',
      });
    }
    return typeof body === 'object'
      ? response.json(body)
      : response.send(String(body as string | number | boolean | bigint));
  }

  private async replyWithFile(
    response: LambdaHttpResponse,
    file: StreamableFile,
  ): Promise<void> {
    const { type, disposition, length } = file.getHeaders();
    if (!response.hasHeader('content-type'))
      response.type(type ?? 'application/octet-stream');
    if (disposition && !response.hasHeader('content-disposition')) {
      response.setHeader('content-disposition', disposition);
    }
    if (length !== undefined) response.setHeader('content-length', length);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of file.getStream()) {
        chunks.push(
          typeof chunk === 'string'
            ? Buffer.from(chunk)
            : Buffer.from(chunk as Uint8Array),
        );
      }
      response.end(Buffer.concat(chunks));
    } catch (error) {
      file.errorHandler(error as Error, response as never);
    }
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
