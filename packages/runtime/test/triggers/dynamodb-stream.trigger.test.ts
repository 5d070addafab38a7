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
  it('keeps every number and byte exactly, in values JSON.stringify takes', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'dynamodb-stream',
      handler: ChangesHandler,
      logger: false,
    });
    const event = fixture<DynamoDBStreamEvent>('dynamodb-base', (base) => {
      base.Records = base.Records.slice(0, 1);
      Object.assign(base.Records[0]!.dynamodb!.NewImage!, {
        Big: { N: '9007199254740993' },
        Precise: { N: '0.12345678901234567890123' },
        Price: { N: '19.99' },
        Exp: { N: '1.50E3' },
        Tiny: { N: '-0.000001' },
        Blob: { B: 'AAEC/w==' },
        Tags: { SS: ['a', 'b'] },
        Sizes: { NS: ['1', '12345678901234567890'] },
        Nested: {
          M: { List: { L: [{ N: '2' }, { NULL: true }, { BOOL: false }] } },
        },
      });
    });
    await handler(event, lambdaContext());
    const [change] = handler.app.get(ChangesHandler).seen;
    expect(change!.newImage).toEqual({
      Message: 'New item!',
      Id: 101,
      Big: '9007199254740993',
      Precise: '0.12345678901234567890123',
      Price: 19.99,
      Exp: 1500,
      Tiny: -0.000001,
      Blob: new Uint8Array([0, 1, 2, 255]),
      Tags: ['a', 'b'],
      Sizes: [1, '12345678901234567890'],
      Nested: { List: [2, null, false] },
    });
    expect(
      (change!.newImage as unknown as { Blob: unknown }).Blob,
    ).toBeInstanceOf(Uint8Array);
    expect(() => JSON.stringify(change)).not.toThrow();
    await handler.app.close();
  });

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
