import 'reflect-metadata';
import { Body, Module } from '@nestjs/common';
import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createHandler,
  LambdaHandler,
  OnS3Object,
  type S3ObjectEvent,
} from '../../src/index.js';
import { lambdaContext } from '../support/context.js';
import { fixture } from '../support/events.js';

@LambdaHandler()
class UploadsHandler {
  readonly seen: S3ObjectEvent[] = [];

  @OnS3Object()
  handle(@Body() object: S3ObjectEvent) {
    if (object.key.endsWith('.exe')) throw new Error('refused');
    this.seen.push(object);
  }
}

@Module({ providers: [UploadsHandler] })
class AppModule {}

describe('s3 trigger', () => {
  it('decodes the real fixtures into { bucket, key, size, eventName }', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 's3',
      handler: UploadsHandler,
      logger: false,
    });
    await handler(fixture('s3-base'), lambdaContext());
    await handler(fixture('s3-delete-object'), lambdaContext());
    expect(handler.app.get(UploadsHandler).seen).toEqual([
      {
        bucket: 'lambda-artifacts-deafc19498e3f2df',
        key: 'b21b84d653bb07b05b1e6b33684dc11b',
        size: 1305107,
        eventName: 'ObjectCreated:Put',
      },
      {
        bucket: 'lambda-artifacts-deafc19498e3f2df',
        key: 'b21b84d653bb07b05b1e6b33684dc11b',
        size: undefined,
        eventName: 'ObjectRemoved:Delete',
      },
    ]);
    await handler.app.close();
  });

  it('URL-decodes keys, with + for spaces', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 's3',
      handler: UploadsHandler,
      logger: false,
    });
    await handler(
      fixture<S3Event>('s3-base', (e) => {
        e.Records[0]!.s3.object.key =
          'reports/2024+Q1/r%C3%A9sum%C3%A9+%2B+notes.pdf';
      }),
      lambdaContext(),
    );
    expect(handler.app.get(UploadsHandler).seen[0]!.key).toBe(
      'reports/2024 Q1/résumé + notes.pdf',
    );
    await handler.app.close();
  });

  it('throws the error, so that Lambda retries', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 's3',
      handler: UploadsHandler,
      logger: false,
    });
    const event = fixture<S3Event>('s3-base', (e) => {
      e.Records[0]!.s3.object.key = 'setup.exe';
    });
    await expect(handler(event, lambdaContext())).rejects.toThrow('refused');
    await handler.app.close();
  });
});
