import 'reflect-metadata';
import { Readable } from 'node:stream';
import {
  type ArgumentsHost,
  Body,
  CallHandler,
  Catch,
  ClassSerializerInterceptor,
  Controller,
  type ExceptionFilter,
  type ExecutionContext,
  Get,
  Header,
  Headers,
  HttpException,
  Injectable,
  type INestApplication,
  type MiddlewareConsumer,
  Module,
  type NestInterceptor,
  Param,
  Post,
  Put,
  Query,
  Redirect,
  Req,
  RequestMethod,
  Res,
  StreamableFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
  ValidationPipe,
  Version,
  VersioningType,
  type CanActivate,
} from '@nestjs/common';
import { Exclude } from 'class-transformer';
import { IsInt, IsString, Min } from 'class-validator';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { map, type Observable } from 'rxjs';
import type { LambdaHttpRequest, LambdaHttpResponse } from '../../src/index.js';
import { AllExceptionsFilter } from './all-exceptions.filter.js';
import { RecordRoutes } from './record-routes.js';

// One application for the differential suite (test/http/differential.test.ts): served by
// @nestjs/platform-express over HTTP and by each HTTP trigger, it must answer the same.

class CreateItem {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

class Account {
  id = 1;
  email = 'ada@example.com';
  @Exclude()
  password = 'secret';
}

class DomainError extends Error {}

@Catch(DomainError)
class DomainFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    host
      .switchToHttp()
      .getResponse<LambdaHttpResponse>()
      .status(422)
      .json({ domain: error.message });
  }
}

@Catch()
class ThrowingFilter implements ExceptionFilter {
  catch(): void {
    throw new Error('filter failed');
  }
}

@Injectable()
class TokenGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    return (
      context.switchToHttp().getRequest<LambdaHttpRequest>().get('x-token') ===
      'ok'
    );
  }
}

@Injectable()
class WrapInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    context
      .switchToHttp()
      .getResponse<LambdaHttpResponse>()
      .setHeader('x-wrapped', 'yes');
    return next.handle().pipe(map((data: unknown) => ({ data })));
  }
}

@Controller('items')
class ItemsController extends RecordRoutes {
  @Get()
  list(@Query() query: unknown) {
    return { items: [1, 2, 3], query };
  }

  @Get('guarded')
  @UseGuards(TokenGuard)
  guarded() {
    return 'let in';
  }

  @Get('wrapped')
  @UseInterceptors(WrapInterceptor)
  wrapped() {
    return [1, 2];
  }

  @Get('account')
  @UseInterceptors(ClassSerializerInterceptor)
  account() {
    return new Account();
  }

  @Get('domain')
  @UseFilters(DomainFilter)
  domain() {
    throw new DomainError('out of stock');
  }

  @Get('caught')
  @UseFilters(AllExceptionsFilter)
  caught() {
    throw new Error('boom');
  }

  @Get('filter-fails')
  @UseFilters(ThrowingFilter)
  filterFails() {
    throw new Error('boom');
  }

  @Get('teapot')
  teapot() {
    throw new HttpException({ reason: 'short and stout' }, 418);
  }

  @Get('unknown-error')
  unknownError() {
    throw new Error('hidden');
  }

  @Post()
  create(@Body(new ValidationPipe()) item: CreateItem) {
    return { created: item };
  }

  @Put(':id')
  @Header('cache-control', 'no-store')
  replace(@Param('id') id: string, @Body() body: unknown) {
    return { id, body };
  }
}

@Controller({ path: 'versioned', version: '1' })
class VersionedV1Controller {
  @Get()
  get() {
    return 'v1';
  }

  @Get('both')
  @Version(['1', '2'])
  both() {
    return 'v1 or v2';
  }
}

@Controller('echo')
class EchoController {
  @Get('query')
  query(@Query() query: unknown) {
    return query;
  }

  @Get('params/:a/:b')
  params(@Param() params: unknown) {
    return params;
  }

  @Get('wild/*path')
  wild(@Param('path') path: string[]) {
    return { path };
  }

  @Get('headers')
  headers(@Headers('x-custom') custom: string, @Req() req: LambdaHttpRequest) {
    return {
      custom,
      accepts: req.accepts(['json', 'html']),
      language: req.acceptsLanguages('fr', 'en'),
      xhr: req.xhr,
    };
  }

  @Post('body')
  body(@Body() body: unknown, @Req() req: LambdaHttpRequest) {
    return { body, is: req.is(['json', 'urlencoded', 'text/*']) };
  }

  @Get('cookies')
  cookies(@Req() req: LambdaHttpRequest) {
    return { cookies: req.cookies, signed: req.signedCookies };
  }
}

@Controller('res')
class ResponseController {
  @Get('cookies')
  cookies(@Res({ passthrough: true }) res: LambdaHttpResponse) {
    res.cookie('a', '1', { httpOnly: true, sameSite: 'lax' });
    res.cookie('b', 'two words', {
      path: '/res',
      expires: new Date('2030-01-01T00:00:00Z'),
    });
    res.cookie('signed', 'v', { signed: true });
    res.clearCookie('old');
    return 'cookies';
  }

  @Get('append')
  append(@Res() res: LambdaHttpResponse) {
    res.append('x-list', 'one').append('x-list', ['two', 'three']);
    res.vary('accept').location('/elsewhere');
    res.links({ next: '/res/append?page=2' });
    res.status(202).send({ ok: true });
  }

  @Get('send-status/:code')
  sendStatus(@Param('code') code: string, @Res() res: LambdaHttpResponse) {
    res.sendStatus(Number(code));
  }

  @Get('redirect')
  @Redirect('/items', 301)
  redirect() {
    return undefined;
  }

  @Get('redirect-dynamic')
  @Redirect()
  redirectDynamic(@Query('to') to: string) {
    return { url: to, statusCode: 307 };
  }

  @Get('express-redirect')
  expressRedirect(@Res() res: LambdaHttpResponse) {
    res.redirect('/items?from=express');
  }

  @Get('type')
  type(@Res() res: LambdaHttpResponse) {
    res.type('xml').send('<a>1</a>');
  }

  @Get('text')
  text() {
    return 'plain';
  }

  @Get('number')
  number() {
    return 42;
  }

  @Get('empty')
  empty() {
    return undefined;
  }

  @Get('write')
  write(@Res() res: LambdaHttpResponse) {
    res.writeHead(201, { 'content-type': 'text/plain; charset=utf-8' });
    res.write('one,');
    res.end('two');
  }

  @Get('file')
  file() {
    return new StreamableFile(Readable.from([Buffer.from('file-bytes')]), {
      type: 'application/pdf',
      disposition: 'attachment; filename="a.pdf"',
    });
  }

  @Get('large')
  large() {
    return { text: 'lorem ipsum '.repeat(300) };
  }

  @Get('locals')
  locals(@Res() res: LambdaHttpResponse) {
    res.locals.who = 'local';
    res.json({ locals: res.locals.who });
  }

  @Get('serialize-error')
  serializeError() {
    return { big: 1n };
  }

  @Get('buffer')
  buffer() {
    return Buffer.from('raw');
  }
}

@Controller('health')
class HealthController {
  @Get()
  health() {
    return { status: 'up' };
  }
}

type Next = (error?: unknown) => void;

@Module({
  controllers: [
    ItemsController,
    VersionedV1Controller,
    EchoController,
    ResponseController,
    HealthController,
  ],
})
export class DifferentialModule {
  configure(consumer: MiddlewareConsumer) {
    const stamp =
      (name: string) =>
      (_req: unknown, res: LambdaHttpResponse, next: Next) => {
        res.setHeader(name, 'yes');
        next();
      };
    consumer.apply(stamp('x-star')).forRoutes('*');
    consumer.apply(stamp('x-splat')).forRoutes('{*splat}');
    consumer.apply(stamp('x-echo')).forRoutes('echo/*');
    consumer
      .apply(stamp('x-post-items'))
      .forRoutes({ path: 'items', method: RequestMethod.POST });
    consumer
      .apply((req: LambdaHttpRequest, _res: unknown, next: Next) => {
        if (req.get('x-fail') === 'middleware')
          throw new Error('middleware failed');
        next();
      })
      .forRoutes('*');
  }
}

/** The same set-up on both sides: what a team's main.ts would do. */
export function configureDifferentialApp(app: INestApplication): void {
  app.use(helmet());
  app.use(compression({ threshold: 1024 }));
  app.use(cookieParser('cookie-secret'));
  app.enableCors({ origin: 'https://app.example', credentials: true });
  app.setGlobalPrefix('api', {
    exclude: [{ path: 'health', method: RequestMethod.GET }],
  });
  app.enableVersioning({ type: VersioningType.URI });
}
