import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  LambdaHandler,
  OnKinesisRecord,
  Record as LambdaRecord,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';

@LambdaHandler()
class ReadingsHandler {
  readonly seen: unknown[] = [];

  @OnKinesisRecord()
  handle(@Body() data: unknown, @LambdaRecord() record: KinesisStreamRecord) {
    if (data === 'poison') throw new Error('poison pill');
    this.seen.push({ data, partitionKey: record.kinesis.partitionKey });
  }
}

@Module({ providers: [ReadingsHandler] })
class AppModule {}

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('kinesis trigger', () => {
  it('base64-decodes the data of the real fixture', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'kinesis',
      handler: ReadingsHandler,
      logger: false,
    });
    expect(await handler(fixture('kinesis-stream'), lambdaContext())).toEqual({
      batchItemFailures: [],
    });
    expect(handler.app.get(ReadingsHandler).seen).toEqual([
      { data: 'Hello, this is a test.', partitionKey: '1' },
      { data: 'This is only a test.', partitionKey: '1' },
    ]);
    await handler.app.close();
  });

  it('JSON-parses data that holds JSON', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'kinesis',
      handler: ReadingsHandler,
      logger: false,
    });
    const event = fixture<KinesisStreamEvent>('kinesis-stream', (e) => {
      e.Records[0]!.kinesis.data = base64('{"celsius":21.5}');
    });
    await handler(event, lambdaContext());
    expect(handler.app.get(ReadingsHandler).seen[0]).toEqual({
      data: { celsius: 21.5 },
      partitionKey: '1',
    });
    await handler.app.close();
  });

  it('stops at the first failure and reports its sequence number', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'kinesis',
      handler: ReadingsHandler,
      logger: false,
    });
    const event = fixture<KinesisStreamEvent>('kinesis-stream', (e) => {
      e.Records[0]!.kinesis.data = base64('poison');
    });
    expect(await handler(event, lambdaContext())).toEqual({
      batchItemFailures: [
        {
          itemIdentifier:
            '49590338271490256608559692538361571095921575989136588898',
        },
      ],
    });
    expect(handler.app.get(ReadingsHandler).seen).toEqual([]);
    await handler.app.close();
  });
});
