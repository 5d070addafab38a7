import 'reflect-metadata';
import {
  Body,
  Controller,
  Get,
  Headers,
  Ip,
  Module,
  type MiddlewareConsumer,
  type NestModule,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import cookieParser from 'cookie-parser';
import type { LambdaHttpRequest, LambdaHttpResponse } from '../../src/index.js';

/** Echoes what a controller sees of the request, for the HTTP trigger tests. */
@Controller()
export class EchoController {
  @Post('echo')
  post(@Body() body: unknown, @Headers('content-type') type: string) {
    return {
      type,
      body: Buffer.isBuffer(body) ? body.toString('base64') : body,
    };
  }

  @Get('cookies/set')
  setCookies(@Res({ passthrough: true }) response: LambdaHttpResponse) {
    response.appendHeader('set-cookie', 'a=1; Path=/');
    response.appendHeader('set-cookie', 'b=2; Path=/');
    response.setHeader('x-multi', ['one', 'two']);
    return 'ok';
  }

  @Get('binary/out')
  binary(@Res() response: LambdaHttpResponse) {
    response.type('application/pdf').send(Buffer.from('%PDF-1.7'));
  }

  // Last: routes match in declaration order, as in Express.
  @Get('{*path}')
  echo(
    @Req() request: LambdaHttpRequest,
    @Ip() ip: string,
    @Query() query: unknown,
  ) {
    const { method, url, path, headers, cookies } = request;
    return {
      method,
      url,
      path,
      query,
      ip,
      cookie: headers.cookie,
      cookies: { ...cookies },
    };
  }
}

/** With cookie-parser on every route, as an Express app would read cookies. */
@Module({ controllers: [EchoController] })
export class EchoModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(cookieParser()).forRoutes('*');
  }
}
