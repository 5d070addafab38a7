import 'reflect-metadata';
import {
  Controller,
  Get,
  type INestApplication,
  Module,
  Version,
  VersioningType,
} from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { createHandler } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent } from '../support/http-events.js';

@Controller('prices')
class PricesController {
  @Get()
  @Version('1')
  v1() {
    return 'v1';
  }

  @Get()
  @Version('2')
  v2() {
    return 'v2';
  }
}

@Module({ controllers: [PricesController] })
class AppModule {}

const serve = (
  versioning: Parameters<INestApplication['enableVersioning']>[0],
) =>
  createHandler(AppModule, {
    trigger: 'http-api',
    logger: false,
    configure: ({ app }) => {
      (app as INestApplication).enableVersioning(versioning);
    },
  });

describe('versioning (enabled through configure)', () => {
  it('routes by header', async () => {
    const handler = await serve({
      type: VersioningType.HEADER,
      header: 'X-Api-Version',
    });
    const call = (version: string) =>
      handler(
        httpApiEvent({ url: '/prices', headers: { 'x-api-version': version } }),
        lambdaContext(),
      );
    expect((await call('1')).body).toBe('v1');
    expect((await call('2')).body).toBe('v2');
    expect((await call('3')).statusCode).toBe(404);
    await handler.app.close();
  });

  it('routes by media type', async () => {
    const handler = await serve({ type: VersioningType.MEDIA_TYPE, key: 'v=' });
    const result = await handler(
      httpApiEvent({
        url: '/prices',
        headers: { accept: 'application/json;v=2' },
      }),
      lambdaContext(),
    );
    expect(result.body).toBe('v2');
    await handler.app.close();
  });

  it('routes by URI', async () => {
    const handler = await serve({ type: VersioningType.URI });
    expect(
      (await handler(httpApiEvent({ url: '/v1/prices' }), lambdaContext()))
        .body,
    ).toBe('v1');
    await handler.app.close();
  });
});
