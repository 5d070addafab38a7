import 'reflect-metadata';
import { createHmac } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import {
  Controller,
  Get,
  Injectable,
  type INestApplication,
  type MiddlewareConsumer,
  Module,
  type NestMiddleware,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import jwt from 'jsonwebtoken';
import morgan from 'morgan';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHandler,
  type LambdaEntry,
  type LambdaHttpRequest,
  type LambdaHttpResponse,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent, type HttpRequestSpec } from '../support/http-events.js';

const SECRET = 'test-secret';
const finished: string[] = [];
const accessLog: string[] = [];

/** A request logger as teams write it: it reads the status once the response has finished. */
@Injectable()
class FinishLogger implements NestMiddleware {
  use(
    request: LambdaHttpRequest,
    response: LambdaHttpResponse,
    next: () => void,
  ) {
    response.on('finish', () =>
      finished.push(
        `${request.method} ${request.originalUrl} ${response.statusCode}`,
      ),
    );
    next();
  }
}

@Injectable()
class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: SECRET,
    });
  }

  validate(payload: { sub: string }) {
    return { id: payload.sub };
  }
}

@Controller()
class ExpressController {
  @Get('cookies')
  cookies(@Res() response: LambdaHttpResponse) {
    response.locals.seen = true;
    response
      .cookie('session', 'abc', { httpOnly: true, path: '/' })
      .cookie('signed', 'yes', { signed: true })
      .clearCookie('old')
      .append('x-list', '1')
      .append('x-list', '2')
      .status(201)
      .json({ locals: response.locals.seen });
  }

  @Get('redirect')
  redirect(@Res() response: LambdaHttpResponse) {
    response.redirect(301, '/there');
  }

  @Get('teapot')
  teapot(@Res() response: LambdaHttpResponse) {
    response.sendStatus(418);
  }

  @Get('write')
  write(@Res() response: LambdaHttpResponse) {
    response.writeHead(202, { 'content-type': 'text/plain', 'x-head': 'yes' });
    response.write('a');
    response.write(Buffer.from('b'));
    response.end('c');
  }

  @Get('request')
  request(@Req() request: LambdaHttpRequest) {
    return {
      header: request.get('x-test'),
      isJson: request.is('application/json'),
      accepts: request.accepts(['html', 'json']),
      ips: request.ips,
      secure: request.secure,
      protocol: request.protocol,
      hostname: request.hostname,
      signed: request.signedCookies,
      cookies: request.cookies,
    };
  }

  @Get('me')
  @UseGuards(AuthGuard('jwt'))
  me(@Req() request: LambdaHttpRequest & { user: unknown }) {
    return request.user;
  }

  @Get('big')
  big() {
    return { text: 'x'.repeat(2048) };
  }
}

@Module({
  imports: [PassportModule],
  controllers: [ExpressController],
  providers: [FinishLogger, JwtStrategy],
})
class AppModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(FinishLogger).forRoutes('*');
  }
}

describe('Express and Node contracts, with the middleware teams use', () => {
  let handler: LambdaEntry<
    APIGatewayProxyEventV2,
    APIGatewayProxyStructuredResultV2
  >;
  const call = (spec: HttpRequestSpec) =>
    handler(httpApiEvent(spec), lambdaContext());

  beforeAll(async () => {
    handler = await createHandler(AppModule, {
      trigger: 'http-api',
      logger: false,
      configure: ({ app }) => {
        const http = app as INestApplication;
        http.use(helmet());
        http.use(compression({ threshold: 1024 }));
        http.use(cookieParser(SECRET));
        http.use(
          morgan('tiny', {
            stream: { write: (line: string) => accessLog.push(line) },
          }),
        );
        http.enableCors({ origin: 'https://app.example' });
      },
    });
  });
  afterAll(() => handler.app.close());

  it("writes cookies, appends headers and keeps res.locals (Express's helpers)", async () => {
    const result = await call({ url: '/cookies' });
    expect(result.statusCode).toBe(201);
    expect(result.cookies).toEqual([
      'session=abc; Path=/; HttpOnly',
      expect.stringMatching(/^signed=s%3Ayes\.[^;]+; Path=\/$/),
      'old=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    ]);
    expect(result.headers!['x-list']).toBe('1, 2');
    expect(JSON.parse(result.body!)).toEqual({ locals: true });
  });

  it('redirects and sends statuses with their text', async () => {
    const redirect = await call({ url: '/redirect' });
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers!.location).toBe('/there');
    const teapot = await call({ url: '/teapot' });
    expect(teapot.statusCode).toBe(418);
    expect(teapot.body).toBe("I'm a Teapot");
  });

  it('collects writeHead(), write() and end() into one result', async () => {
    const result = await call({
      url: '/write',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(result.statusCode).toBe(202);
    expect(result.headers).toMatchObject({
      'content-type': 'text/plain',
      'x-head': 'yes',
    });
    expect(result.body).toBe('abc');
  });

  it("gives the request Express's getters, with cookie-parser's signed cookies", async () => {
    // cookie-signature's format: `s:` + value + `.` + base64 HMAC-SHA256 without padding.
    const mac = createHmac('sha256', SECRET).update('yes').digest('base64');
    const signed = `s:yes.${mac.replace(/=+$/, '')}`;
    const result = await call({
      url: '/request',
      headers: {
        'x-test': 'hello',
        accept: 'application/json',
        'content-type': 'application/json',
        cookie: `plain=1; token=${encodeURIComponent(signed)}`,
        'x-forwarded-for': '1.2.3.4',
      },
    });
    expect(JSON.parse(result.body!)).toEqual({
      header: 'hello',
      isJson: 'application/json',
      accepts: 'json',
      ips: [],
      secure: true,
      protocol: 'https',
      hostname: 'lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com',
      signed: { token: 'yes' },
      cookies: { plain: '1' },
    });
  });

  it("runs a middleware's res.on('finish') listener after the response, with its status", async () => {
    finished.length = 0;
    await call({ url: '/teapot' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toEqual(['GET /teapot 418']);
  });

  it('applies helmet and morgan', async () => {
    accessLog.length = 0;
    const result = await call({ url: '/teapot' });
    expect(result.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
    });
    expect(result.headers!['content-security-policy']).toContain(
      "default-src 'self'",
    );
    expect(accessLog).toEqual([
      expect.stringMatching(/^GET \/teapot 418 12 - [\d.]+ ms\n$/),
    ]);
  });

  it('compresses with compression() and answers without waiting for a timeout', async () => {
    const started = performance.now();
    const result = await call({
      url: '/big',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.headers!['content-encoding']).toBe('gzip');
    expect(result.isBase64Encoded).toBe(true);
    const body = gunzipSync(Buffer.from(result.body!, 'base64')).toString();
    expect(JSON.parse(body)).toEqual({ text: 'x'.repeat(2048) });
  });

  it('answers a CORS preflight and marks responses, as app.enableCors() asks', async () => {
    const preflight = await call({
      method: 'OPTIONS',
      url: '/me',
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'GET',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
    });
    const simple = await call({
      url: '/teapot',
      headers: { origin: 'https://app.example' },
    });
    expect(simple.headers!['access-control-allow-origin']).toBe(
      'https://app.example',
    );
  });

  it("authenticates with @nestjs/passport's AuthGuard and a JWT strategy", async () => {
    const denied = await call({ url: '/me' });
    expect(denied.statusCode).toBe(401);
    const token = jwt.sign({ sub: 'user-7' }, SECRET);
    const allowed = await call({
      url: '/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(allowed.statusCode).toBe(200);
    expect(JSON.parse(allowed.body!)).toEqual({ id: 'user-7' });
  });
});
