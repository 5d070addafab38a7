import 'reflect-metadata';
import { Readable } from 'node:stream';
import {
  Catch,
  Controller,
  type ExceptionFilter,
  Get,
  type INestApplication,
  type MiddlewareConsumer,
  Module,
  Sse,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { of } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, type LambdaEntry } from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { httpApiEvent } from '../support/http-events.js';
import { recordingLogger } from '../support/logs.js';

class Broken extends Error {}

@Catch()
class ThrowingFilter implements ExceptionFilter {
  catch(): void {
    throw new TypeError('the filter itself failed');
  }
}

@Controller()
class FaultyController {
  @Get('middleware/sync')
  @Get('middleware/async')
  @Get('middleware/next')
  unreachable() {
    return 'never';
  }

  @Get('filter')
  @UseFilters(ThrowingFilter)
  filtered() {
    throw new Broken('handler failed first');
  }

  @Get('serialize')
  serialize() {
    return { amount: 10n };
  }

  @Get('stream')
  stream() {
    const source = new Readable({
      read() {
        this.push('partial');
        this.destroy(new Error('disk went away'));
      },
    });
    return new StreamableFile(source);
  }
}

@Module({ controllers: [FaultyController] })
class FaultyModule {
  configure(consumer: MiddlewareConsumer) {
    consumer
      .apply(() => {
        throw new Error('sync middleware failed');
      })
      .forRoutes('middleware/sync');
    consumer
      .apply(async () => {
        await Promise.resolve();
        throw new Error('async middleware failed');
      })
      .forRoutes('middleware/async');
  }
}

describe('no hangs: every failure answers at once and logs its cause', () => {
  let handler: LambdaEntry<
    APIGatewayProxyEventV2,
    APIGatewayProxyStructuredResultV2
  >;
  const { logger, errors } = recordingLogger();

  beforeAll(async () => {
    handler = await createHandler(FaultyModule, {
      trigger: 'http-api',
      logger,
      configure: ({ app }) => {
        (app as INestApplication).use(
          (
            request: { url: string },
            _response: unknown,
            next: (error?: unknown) => void,
          ) =>
            request.url === '/middleware/next'
              ? next(new Error('express middleware passed an error'))
              : next(),
        );
      },
    });
  });
  afterAll(() => handler.app.close());

  const cases: Array<[string, string, RegExp, number?]> = [
    ['a middleware that throws', '/middleware/sync', /sync middleware failed/],
    [
      'a middleware whose promise rejects',
      '/middleware/async',
      /async middleware failed/,
    ],
    [
      "an Express middleware's next(error)",
      '/middleware/next',
      /express middleware passed an error/,
    ],
    ['an exception filter that throws', '/filter', /the filter itself failed/],
    ['a body that cannot be serialized', '/serialize', /serialize a BigInt/],
    // StreamableFile's own error handler answers 400, as it does over Express.
    ['a stream that fails midway', '/stream', /disk went away/, 400],
  ];

  it.each(cases)('answers for %s', async (_name, url, cause, status = 500) => {
    errors.length = 0;
    const started = performance.now();
    const result = await handler(httpApiEvent({ url }), lambdaContext());
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.statusCode).toBe(status);
    expect(errors.join('\n')).toMatch(cause);
  });
});

@Controller()
class EventsController {
  @Sse('events')
  events() {
    return of({ data: 'tick' });
  }
}

@Module({ controllers: [EventsController] })
class SseModule {}

describe('@Sse() routes', () => {
  it('make createHandler fail at init without response streaming, naming the route and the fix', async () => {
    for (const trigger of ['function-url', 'http-api'] as const) {
      await expect(
        createHandler(SseModule, { trigger, logger: false }),
      ).rejects.toThrow(
        /^@Sse\(\) route GET \/events \(EventsController\.events\) cannot be served: .*responseStreaming: true .*RESPONSE_STREAM, or have clients poll/,
      );
    }
  });
});
