import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  type DynamoDbChange,
  LambdaHandler,
  OnDynamoDbRecord,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';
import { recordingLogger } from '../support/logs.js';

interface Item {
  Id: number;
  Message: string;
}

@LambdaHandler()
class ChangesHandler {
  readonly seen: Array<DynamoDbChange<Item>> = [];
  failOn: string | undefined;

  @OnDynamoDbRecord()
  handle(@Body() change: DynamoDbChange<Item>) {
    if (change.newImage?.Message === this.failOn)
      throw new Error('cannot apply');
    this.seen.push(change);
  }
}

@Module({ providers: [ChangesHandler] })
class AppModule {}

describe('dynamodb-stream trigger', () => {
  it('unmarshalls keys and images of the real fixture', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'dynamodb-stream',
      handler: ChangesHandler,
      logger: false,
    });
    expect(await handler(fixture('dynamodb-base'), lambdaContext())).toEqual({
      batchItemFailures: [],
    });
    expect(handler.app.get(ChangesHandler).seen).toEqual([
      {
        eventName: 'INSERT',
        keys: { Id: 101 },
        newImage: { Message: 'New item!', Id: 101 },
        oldImage: undefined,
      },
      {
        eventName: 'MODIFY',
        keys: { Id: 101 },
        newImage: { Message: 'This item has changed', Id: 101 },
        oldImage: { Message: 'New item!', Id: 101 },
      },
    ]);
    await handler.app.close();
  });

  it('stops at the first failure and reports only its sequence number', async () => {
    const { logger, failures } = recordingLogger();
    const handler = await createHandler(AppModule, {
      trigger: 'dynamodb-stream',
      handler: ChangesHandler,
      logger,
    });
    handler.app.get(ChangesHandler).failOn = 'New item!';
    const result = await handler(
      fixture<DynamoDBStreamEvent>('dynamodb-base'),
      lambdaContext({ awsRequestId: 'r-ddb' }),
    );
    // Lambda retries from sequence number 111, so record 222 is left for that retry.
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '111' }] });
    expect(handler.app.get(ChangesHandler).seen).toEqual([]);
    expect(failures()).toEqual([
      'Record 111 of dynamodb-stream request r-ddb failed: Error: cannot apply',
    ]);
    await handler.app.close();
  });

  it('reports a later failure after the records before it succeeded', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'dynamodb-stream',
      handler: ChangesHandler,
      logger: false,
    });
    handler.app.get(ChangesHandler).failOn = 'This item has changed';
    const result = await handler(fixture('dynamodb-base'), lambdaContext());
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '222' }] });
    expect(handler.app.get(ChangesHandler).seen).toHaveLength(1);
    await handler.app.close();
  });
});
