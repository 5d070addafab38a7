import 'reflect-metadata';
import {
  ArgumentsHost,
  Body,
  Catch,
  type ExceptionFilter,
  Module,
  UseFilters,
} from '@nestjs/common';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  LambdaContext,
  LambdaHandler,
  OnInvoke,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';

class QuoteUnavailable extends Error {}

@Catch(QuoteUnavailable)
class FallbackQuoteFilter implements ExceptionFilter {
  catch(error: QuoteUnavailable, _host: ArgumentsHost) {
    return { price: null, reason: error.message };
  }
}

@LambdaHandler()
class QuoteHandler {
  @OnInvoke()
  @UseFilters(FallbackQuoteFilter)
  quote(@Body() request: { sku: string }, @LambdaContext() context: Context) {
    if (request.sku === 'none') throw new QuoteUnavailable('no price for none');
    if (request.sku === 'bad') throw new Error('pricing down');
    return { sku: request.sku, price: 42, requestId: context.awsRequestId };
  }
}

@Module({ providers: [QuoteHandler] })
class AppModule {}

describe('invoke trigger', () => {
  it("gives the event as the body and returns the method's result", async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: QuoteHandler,
      logger: false,
    });
    expect(
      await handler({ sku: 'A-1' }, lambdaContext({ awsRequestId: 'inv-1' })),
    ).toEqual({
      sku: 'A-1',
      price: 42,
      requestId: 'inv-1',
    });
    await handler.app.close();
  });

  it('returns what an exception filter returns', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: QuoteHandler,
      logger: false,
    });
    expect(await handler({ sku: 'none' }, lambdaContext())).toEqual({
      price: null,
      reason: 'no price for none',
    });
    await handler.app.close();
  });

  it('throws errors no filter handles', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: QuoteHandler,
      logger: false,
    });
    await expect(handler({ sku: 'bad' }, lambdaContext())).rejects.toThrow(
      'pricing down',
    );
    await handler.app.close();
  });
});
