import 'reflect-metadata';
import {
  All,
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  HttpException,
  Injectable,
  Ip,
  type MiddlewareConsumer,
  Module,
  type NestMiddleware,
  type INestApplication,
  Param,
  Post,
  Put,
  Query,
  Redirect,
  Req,
  Res,
  StreamableFile,
  UseFilters,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type ExceptionFilter,
} from '@nestjs/common';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createHandler,
  type LambdaEntry,
  LambdaHttpAdapter,
  type LambdaHttpRequest,
  type LambdaHttpResponse,
} from '../../src/index.js';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent, type HttpRequestSpec } from '../support/http-events.js';
import { RecordRoutes } from '../support/record-routes.js';

class PaymentRequired extends Error {}

@Catch(PaymentRequired)
class PaymentRequiredFilter implements ExceptionFilter {
  catch(error: PaymentRequired, host: ArgumentsHost) {
    host
      .switchToHttp()
      .getResponse<LambdaHttpResponse>()
      .status(402)
      .json({ reason: error.message });
  }
}

@Injectable()
class StampMiddleware implements NestMiddleware {
  use(
    request: LambdaHttpRequest,
    response: LambdaHttpResponse,
    next: () => void,
  ) {
    response.setHeader('x-middleware', request.method);
    next();
  }
}

const seenByGuard: unknown[] = [];

/** Records what an HTTP guard sees of the request, as guards written for Express read it. */
@Injectable()
class InspectingGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest<LambdaHttpRequest>();
    const { method, url, headers, query, params, body, ip } = request;
    seenByGuard.push({
      type: context.getType(),
      method,
      url,
      tenant: headers['x-tenant'],
      query,
      params,
      body,
      ip,
    });
    return true;
  }
}

@Controller('orders')
class OrdersController extends RecordRoutes {
  @Get()
  list(@Query() query: unknown) {
    return { query };
  }

  @Get('text')
  text() {
    return 'plain text';
  }

  @Get('request')
  request(
    @Req() request: LambdaHttpRequest,
    @Ip() ip: string,
    @Headers('user-agent') agent: string,
  ) {
    const { method, url, path, query, params, body, headers } = request;
    return {
      method,
      url,
      path,
      query,
      params,
      body,
      ip,
      agent,
      host: headers.host,
    };
  }

  @Get('old')
  @Redirect('https://example.com/new', 301)
  old() {}

  @Get('file')
  file() {
    return new StreamableFile(Readable.from([Buffer.from([0, 1, 2, 255])]), {
      type: 'application/octet-stream',
      disposition: 'attachment; filename="a.bin"',
    });
  }

  @Get('bytes')
  bytes(@Res() response: LambdaHttpResponse) {
    response
      .status(200)
      .type('image/png')
      .send(Buffer.from([137, 80, 78, 71]));
  }

  @Get('gone')
  gone() {
    throw new HttpException({ statusCode: 410, message: 'Gone for good' }, 410);
  }

  @Get('broken')
  broken() {
    throw new Error('database exploded');
  }

  @Get('pay')
  @UseFilters(PaymentRequiredFilter)
  pay() {
    throw new PaymentRequired('card declined');
  }

  @Post()
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  create(@Body() body: unknown) {
    return { created: body };
  }

  @Post('upload')
  @HttpCode(200)
  upload(@Body() body: unknown, @Headers('content-type') type: string) {
    return {
      type,
      isBuffer: Buffer.isBuffer(body),
      text: Buffer.isBuffer(body) ? body.toString('hex') : body,
    };
  }

  @Put(':id/items')
  @UseGuards(InspectingGuard)
  replaceItems(@Body() items: unknown) {
    return items;
  }

  @Get('cache/not-modified')
  notModified(@Res() response: LambdaHttpResponse) {
    response.writeHead(304, {
      'content-type': 'application/json',
      'content-length': '2',
      etag: '"v1"',
    });
    response.end('{}');
  }
}

@Controller('files')
class FilesController {
  @Get('{*path}')
  read(@Param('path') path: string[]) {
    return { path };
  }

  @All('any')
  any(@Req() request: LambdaHttpRequest) {
    return request.method;
  }
}

@Module({
  controllers: [OrdersController, FilesController],
  providers: [StampMiddleware],
})
class AppModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(StampMiddleware).forRoutes(OrdersController);
  }
}

describe('LambdaHttpAdapter (through an HTTP API handler)', () => {
  let handler: LambdaEntry<
    APIGatewayProxyEventV2,
    APIGatewayProxyStructuredResultV2
  >;
  const call = (spec: HttpRequestSpec) =>
    handler(httpApiEvent(spec), lambdaContext());
  const json = (result: APIGatewayProxyStructuredResultV2) =>
    JSON.parse(result.body!) as unknown;

  beforeAll(async () => {
    handler = await createHandler(AppModule, {
      trigger: 'http-api',
      logger: false,
    });
  });
  afterAll(() => handler.app.close());

  it('routes to a controller and serializes objects as JSON', async () => {
    const result = await call({ url: '/orders/7' });
    expect(result).toEqual({
      statusCode: 200,
      headers: {
        'content-length': '8',
        'content-type': 'application/json; charset=utf-8',
        etag: 'W/"8-eE+TghVu0lqfC5QQKmjMzwJAx2U"',
        'x-middleware': 'GET',
      },
      body: '{"id":7}',
      isBase64Encoded: false,
    });
  });

  it('sends strings as text, as Express does', async () => {
    const result = await call({ url: '/orders/text' });
    expect(result.headers!['content-type']).toBe('text/html; charset=utf-8');
    expect(result.body).toBe('plain text');
  });

  it('answers 400 when ParseIntPipe rejects a path parameter', async () => {
    const result = await call({ url: '/orders/seven' });
    expect(result.statusCode).toBe(400);
    expect(json(result)).toEqual({
      statusCode: 400,
      message: 'Validation failed (numeric string is expected)',
      error: 'Bad Request',
    });
  });

  it("answers 404 with Nest's message for unknown routes", async () => {
    const result = await call({ method: 'PUT', url: '/nowhere?x=1' });
    expect(result.statusCode).toBe(404);
    expect(json(result)).toEqual({
      statusCode: 404,
      message: 'Cannot PUT /nowhere?x=1',
      error: 'Not Found',
    });
  });

  it('applies @HttpCode and @Header', async () => {
    const result = await call({
      method: 'POST',
      url: '/orders',
      json: { sku: 'A-1' },
    });
    expect(result.statusCode).toBe(201);
    expect(result.headers!['cache-control']).toBe('no-store');
    expect(json(result)).toEqual({ created: { sku: 'A-1' } });
  });

  it('sends no body, and no body headers, for 204 and 304 responses; no body for HEAD requests', async () => {
    const deleted = await call({ method: 'DELETE', url: '/orders/1' });
    expect(deleted).toMatchObject({ statusCode: 204, body: '' });
    expect(deleted.headers).not.toHaveProperty('content-type');
    expect(deleted.headers).not.toHaveProperty('content-length');
    const notModified = await call({ url: '/orders/cache/not-modified' });
    expect(notModified).toMatchObject({ statusCode: 304, body: '' });
    expect(notModified.headers).toEqual({
      etag: '"v1"',
      'x-middleware': 'GET',
    });
    const head = await call({ method: 'HEAD', url: '/orders/1' });
    expect(head).toMatchObject({ statusCode: 200, body: '' });
    expect(head.headers!['content-type']).toBe(
      'application/json; charset=utf-8',
    );
  });

  it('gives switchToHttp().getRequest() method, url, headers, query, params, body and ip', async () => {
    const result = await call({
      url: '/orders/request?tag=a&tag=b&q=%C3%A9t%C3%A9',
    });
    expect(json(result)).toEqual({
      method: 'GET',
      url: '/orders/request?tag=a&tag=b&q=%C3%A9t%C3%A9',
      path: '/orders/request',
      query: { tag: ['a', 'b'], q: 'été' },
      params: {},
      ip: '15.248.3.126',
      agent: 'HTTPie/3.2.2',
      host: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
    });
  });

  it('gives a guard the request through switchToHttp()', async () => {
    await call({
      method: 'PUT',
      url: '/orders/42/items?dryRun=true',
      headers: { 'x-tenant': 'acme' },
      json: [{ sku: 'A-1' }],
    });
    expect(seenByGuard).toEqual([
      {
        type: 'http',
        method: 'PUT',
        url: '/orders/42/items?dryRun=true',
        tenant: 'acme',
        query: { dryRun: 'true' },
        params: { id: '42' },
        body: [{ sku: 'A-1' }],
        ip: '15.248.3.126',
      },
    ]);
  });

  it('parses query strings as Express does', async () => {
    const result = await call({ url: '/orders?limit=10&sort=&x=a+b' });
    expect(json(result)).toEqual({
      query: { limit: '10', sort: '', x: 'a b' },
    });
  });

  it('matches wildcards and decodes parameters', async () => {
    const result = await call({ url: '/files/a%20b/c.txt' });
    expect(json(result)).toEqual({ path: ['a b', 'c.txt'] });
  });

  it('answers 400 for a parameter that is not valid percent-encoding', async () => {
    const result = await call({ url: '/orders/%E0%A4' });
    expect(result.statusCode).toBe(400);
    expect(json(result)).toMatchObject({
      message: "Failed to decode param '%E0%A4'",
    });
  });

  it('matches paths case-insensitively and with a trailing slash, as Express does', async () => {
    expect((await call({ url: '/ORDERS/7/' })).body).toBe('{"id":7}');
  });

  it('routes @All() for every method', async () => {
    expect((await call({ method: 'PATCH', url: '/files/any' })).body).toBe(
      'PATCH',
    );
  });

  it('turns HttpExceptions into the body Nest sends over HTTP', async () => {
    const result = await call({ url: '/orders/gone' });
    expect(result.statusCode).toBe(410);
    expect(json(result)).toEqual({ statusCode: 410, message: 'Gone for good' });
  });

  it("answers 500 with Nest's message for unknown errors", async () => {
    const result = await call({ url: '/orders/broken' });
    expect(result.statusCode).toBe(500);
    expect(json(result)).toEqual({
      statusCode: 500,
      message: 'Internal server error',
    });
  });

  it('lets a hand-written filter answer through the response object', async () => {
    const result = await call({ url: '/orders/pay' });
    expect(result.statusCode).toBe(402);
    expect(json(result)).toEqual({ reason: 'card declined' });
  });

  it('redirects with @Redirect', async () => {
    const result = await call({ url: '/orders/old' });
    expect(result.statusCode).toBe(301);
    expect(result.headers!.location).toBe('https://example.com/new');
  });

  it('sends a StreamableFile base64-encoded, with its headers', async () => {
    const result = await call({ url: '/orders/file' });
    expect(result.isBase64Encoded).toBe(true);
    expect(Buffer.from(result.body!, 'base64')).toEqual(
      Buffer.from([0, 1, 2, 255]),
    );
    expect(result.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment; filename="a.bin"',
    });
  });

  it('sends bytes written with @Res() base64-encoded', async () => {
    const result = await call({ url: '/orders/bytes' });
    expect(result).toMatchObject({
      statusCode: 200,
      isBase64Encoded: true,
      body: 'iVBORw==',
    });
    expect(result.headers!['content-type']).toBe('image/png');
  });

  it('decodes base64 request bodies and keeps binary types as bytes', async () => {
    const result = await call({
      method: 'POST',
      url: '/orders/upload',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from([222, 173, 190, 239]),
    });
    expect(json(result)).toEqual({
      type: 'application/octet-stream',
      isBuffer: true,
      text: 'deadbeef',
    });
  });

  it('parses text and form bodies, base64-encoded or not', async () => {
    const text = await call({
      method: 'POST',
      url: '/orders/upload',
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from('héllo'),
    });
    expect(json(text)).toMatchObject({ isBuffer: false, text: 'héllo' });
    const form = await call({
      method: 'POST',
      url: '/orders/upload',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1&b=two+words',
    });
    expect(json(form)).toMatchObject({ text: { a: '1', b: 'two words' } });
  });

  it('answers 400 for a JSON body that does not parse, as body-parser does', async () => {
    const result = await call({
      method: 'POST',
      url: '/orders',
      headers: { 'content-type': 'application/json' },
      body: '{"sku":',
    });
    expect(result.statusCode).toBe(400);
    expect(json(result)).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
    });
  });

  it('runs Nest middleware bound to a controller only for its routes', async () => {
    expect((await call({ url: '/orders/7' })).headers!['x-middleware']).toBe(
      'GET',
    );
    expect(
      (await call({ url: '/files/x' })).headers!['x-middleware'],
    ).toBeUndefined();
  });

  it("logs unknown errors through Nest's exception handler", async () => {
    const logged = vi.fn();
    const logging = await createHandler(AppModule, {
      trigger: 'http-api',
      logger: { log: () => {}, warn: () => {}, error: logged },
    });
    await logging(httpApiEvent({ url: '/orders/broken' }), lambdaContext());
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'database exploded' }),
      undefined,
      'ExceptionsHandler',
    );
    await logging.app.close();
  });

  it('is an HTTP adapter of type http, with no server', () => {
    const adapter = (handler.app as INestApplication).getHttpAdapter();
    expect(adapter).toBeInstanceOf(LambdaHttpAdapter);
    expect(adapter.getType()).toBe('http');
    expect(adapter.getHttpServer()).toBeUndefined();
  });
});
