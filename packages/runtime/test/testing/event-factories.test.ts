import { unmarshall } from '@aws-sdk/util-dynamodb';

import type { SQSEvent } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeS3Record } from '../../src/triggers/s3.trigger.js';
import {
  albEvent,
  dynamoDbStreamEvent,
  eventBridgeEvent,
  functionUrlEvent,
  httpApiEvent,
  kinesisEvent,
  restApiEvent,
  s3EncodeKey,
  s3Event,
  scheduleEvent,
  snsEvent,
  sqsEvent,
} from '../../src/testing/index.js';
import { fixture, shape, templateEvent } from './shape.js';

type Records = { Records: Record<string, unknown>[] };
const first = (name: string) => fixture<Records>(name).Records[0];

describe('event factories have the keys and value types of real payloads', () => {
  it('httpApiEvent: apigw-http-no-auth', () => {
    const event = httpApiEvent({
      method: 'POST',
      path: '/lambda',
      headers: { authorization: 'Bearer foo' },
      routeKey: 'POST /lambda',
    });
    expect(shape(event)).toEqual(shape(fixture('apigw-http-no-auth')));
  });

  it('functionUrlEvent: lambda-get-request', () => {
    expect(shape(functionUrlEvent())).toEqual(
      shape(fixture('lambda-get-request')),
    );
  });

  it('restApiEvent: apigw-rest-no-auth', () => {
    const event = restApiEvent({
      method: 'POST',
      path: '/no-auth',
      resource: '/no-auth',
    });
    expect(shape(event)).toEqual(shape(fixture('apigw-rest-no-auth')));
  });

  it('albEvent: alb-base', () => {
    const event = albEvent({ path: '/lambda?query=1234ABCD', body: 'Test' });
    expect(shape(event)).toEqual(shape(fixture('alb-base')));
  });

  it('sqsEvent: sqs-base, and the FIFO sample of the sqs-fifo template', () => {
    const attribute = {
      stringValue: '100',
      binaryValue: 'base64Str',
      dataType: 'Number',
    };
    expect(
      shape(
        sqsEvent({
          body: 'Test message.',
          messageAttributes: { testAttr: attribute },
        }).Records[0],
      ),
    ).toEqual(shape(first('sqs-base')));
    const fifo = sqsEvent({
      fifo: true,
      body: { message: 'x' },
      messageAttributes: { testAttr: attribute },
    });
    expect(shape(fifo)).toEqual(
      shape({ Records: [templateEvent<SQSEvent>('sqs-fifo').Records[0]] }),
    );
  });

  it('snsEvent: sns-base', () => {
    const event = snsEvent({
      message: 'Hello from SNS!',
      subject: 'TestInvoke',
      messageAttributes: { Test: 'TestString' },
    });
    expect(shape(event)).toEqual(shape(fixture('sns-base')));
  });

  it('s3Event: s3-base and s3-delete-object', () => {
    expect(shape(s3Event({ key: 'a b', size: 10 }))).toEqual(
      shape(fixture('s3-base')),
    );
    expect(shape(s3Event({ eventName: 'ObjectRemoved:Delete' }))).toEqual(
      shape(fixture('s3-delete-object')),
    );
  });

  it('eventBridgeEvent: eventbridge-base (less replay-name, which only replays carry)', () => {
    const { 'replay-name': _replay, ...real } = fixture('eventbridge-base');
    const event = eventBridgeEvent({
      detailType: 'EC2 Instance State-change Notification',
      detail: { instance_id: 'i-1', state: 'terminated' },
      resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1'],
    });
    expect(shape(event)).toEqual(shape(real));
  });

  it('scheduleEvent: the schedule template sample', () => {
    expect(shape(scheduleEvent())).toEqual(shape(templateEvent('schedule')));
  });

  it('dynamoDbStreamEvent: both records of dynamodb-base', () => {
    const [insert, modify] = fixture<Records>('dynamodb-base').Records;
    const event = dynamoDbStreamEvent({
      records: [
        { keys: { Id: 101 }, newImage: { Message: 'New item!', Id: 101 } },
        {
          keys: { Id: 101 },
          oldImage: { Message: 'New item!', Id: 101 },
          newImage: { Message: 'This item has changed', Id: 101 },
        },
      ],
    });
    expect(shape(event.Records[0])).toEqual(shape(insert));
    // Powertools trimmed ApproximateCreationDateTime from its second record; Lambda sends it.
    const dynamodb = modify!['dynamodb'] as Record<string, unknown>;
    expect(shape(event.Records[1])).toEqual(
      shape({
        ...modify,
        dynamodb: { ...dynamodb, ApproximateCreationDateTime: 1 },
      }),
    );
  });

  it('kinesisEvent: kinesis-stream', () => {
    expect(
      shape(kinesisEvent({ records: [{ data: 'a' }, { data: 'b' }] })),
    ).toEqual(shape(fixture('kinesis-stream')));
  });
});

describe('HTTP event factories', () => {
  it('httpApiEvent: raw query string, comma-joined repeats, cookies, JSON body, named stage', () => {
    const event = httpApiEvent({
      method: 'post',
      path: '/orders?tag=a&tag=b',
      query: { q: 'x y' },
      headers: { 'X-Tenant': 't1', accept: ['a/b', 'c/d'] },
      cookies: { session: 's1' },
      body: { sku: 'A1' },
      stage: 'prod',
    });

    expect(event.rawPath).toBe('/prod/orders');
    expect(event.requestContext.http).toMatchObject({
      method: 'POST',
      path: '/prod/orders',
    });
    expect(event.rawQueryString).toBe('tag=a&tag=b&q=x+y');
    expect(event.queryStringParameters).toEqual({ tag: 'a,b', q: 'x y' });
    expect(event.headers).toMatchObject({
      'x-tenant': 't1',
      accept: 'a/b,c/d',
      'content-type': 'application/json',
      'content-length': '12',
    });
    expect(event.cookies).toEqual(['session=s1']);
    expect(event.body).toBe('{"sku":"A1"}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('moves a cookie header into the cookies list, as HTTP API does', () => {
    const event = httpApiEvent({ headers: { cookie: 'a=1; b=2' } });
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers['cookie']).toBeUndefined();
  });

  it('sends bytes base64-encoded', () => {
    const event = functionUrlEvent({
      method: 'PUT',
      body: Buffer.from([0xff, 0x00]),
    });
    expect(event).toMatchObject({ body: '/wA=', isBase64Encoded: true });
  });

  it('restApiEvent: single- and multi-value maps, the proxy path parameter, a cookie header', () => {
    const event = restApiEvent({
      path: '/orders/7?tag=a&tag=b',
      headers: { 'x-tenant': ['t1', 't2'] },
      cookies: ['a=1', 'b=2'],
    });

    expect(event.queryStringParameters).toEqual({ tag: 'b' });
    expect(event.multiValueQueryStringParameters).toEqual({ tag: ['a', 'b'] });
    expect(event.headers['x-tenant']).toBe('t2');
    expect(event.multiValueHeaders['x-tenant']).toEqual(['t1', 't2']);
    expect(event.headers['cookie']).toBe('a=1; b=2');
    expect(event.pathParameters).toEqual({ proxy: 'orders/7' });
    expect(event.requestContext.path).toBe('/prod/orders/7');
    expect(event.body).toBeNull();
  });

  it('albEvent: query values stay URL-encoded; multi-value target groups get only multi-value maps', () => {
    const event = albEvent({
      path: '/x?q=a b',
      multiValueHeaders: true,
      headers: { a: ['1', '2'] },
    });
    expect(event.multiValueQueryStringParameters).toEqual({ q: ['a%20b'] });
    expect(event.multiValueHeaders!['a']).toEqual(['1', '2']);
    expect(event.headers).toBeUndefined();
    expect(event.queryStringParameters).toBeUndefined();
  });
});

describe('record event factories', () => {
  it('sqsEvent: one record per message, JSON bodies, their MD5, attribute shapes', () => {
    const event = sqsEvent({
      records: [
        { body: { id: 1 }, messageAttributes: { tenant: 't1', n: 2 } },
        { body: 'plain' },
      ],
      queue: 'orders',
    });
    const [one, two] = event.Records;

    expect(one!.body).toBe('{"id":1}');
    expect(one!.md5OfBody).toBe(
      createHash('md5').update('{"id":1}').digest('hex'),
    );
    expect(one!.messageAttributes).toEqual({
      tenant: {
        stringValue: 't1',
        stringListValues: [],
        binaryListValues: [],
        dataType: 'String',
      },
      n: {
        stringValue: '2',
        stringListValues: [],
        binaryListValues: [],
        dataType: 'Number',
      },
    });
    expect(two!.body).toBe('plain');
    expect(one!.messageId).not.toBe(two!.messageId);
    expect(one!.eventSourceARN).toBe(
      'arn:aws:sqs:us-east-1:123456789012:orders',
    );
    expect(one!.attributes.MessageGroupId).toBeUndefined();
  });

  it('sqsEvent: FIFO records carry group, increasing sequence numbers and a content-based dedup id', () => {
    const event = sqsEvent({
      fifo: true,
      records: [{ body: 'a' }, { body: 'b', messageGroupId: 'g2' }],
    });
    const [one, two] = event.Records.map((record) => record.attributes);

    expect(one).toMatchObject({
      MessageGroupId: 'group-1',
      SequenceNumber: '18849496460467696128',
    });
    expect(two).toMatchObject({
      MessageGroupId: 'g2',
      SequenceNumber: '18849496460467696129',
    });
    expect(one!.MessageDeduplicationId).toBe(
      createHash('sha256').update('a').digest('hex'),
    );
    expect(event.Records[0]!.eventSourceARN).toMatch(/:local-queue\.fifo$/);
  });

  it('s3Event: encodes the key as S3 does, and the runtime decodes it back', () => {
    const key = "reports/2024 Q1(1)!'~*_.csv";
    const event = s3Event({ key, size: 5 });

    expect(event.Records[0]!.s3.object.key).toBe(
      'reports/2024+Q1%281%29%21%27%7E*_.csv',
    );
    expect(decodeS3Record(event.Records[0]!)).toMatchObject({ key, size: 5 });
    expect(s3EncodeKey('a+b=c')).toBe('a%2Bb%3Dc');
  });

  it('s3Event: a deletion has no size or eTag', () => {
    const { object } = s3Event({ eventName: 'ObjectRemoved:Delete', size: 3 })
      .Records[0]!.s3;
    expect(object).not.toHaveProperty('size');
    expect(object).not.toHaveProperty('eTag');
  });

  it('dynamoDbStreamEvent: marshals keys and images and names the change from them', () => {
    const event = dynamoDbStreamEvent({
      records: [
        { keys: { id: 1 }, newImage: { id: 1, tags: ['a'], paid: true } },
        { keys: { id: 1 }, oldImage: { id: 1 }, newImage: { id: 1, n: null } },
        { keys: { id: 1 }, oldImage: { id: 1 } },
      ],
      table: 'orders',
    });
    const [insert, modify, remove] = event.Records;

    expect(insert!.dynamodb!.NewImage).toEqual({
      id: { N: '1' },
      tags: { L: [{ S: 'a' }] },
      paid: { BOOL: true },
    });
    const image = modify!.dynamodb!.NewImage as Parameters<
      typeof unmarshall
    >[0];
    expect(unmarshall(image)).toEqual({ id: 1, n: null });
    expect(event.Records.map((record) => record.eventName)).toEqual([
      'INSERT',
      'MODIFY',
      'REMOVE',
    ]);
    expect(remove!.dynamodb!.NewImage).toBeUndefined();
    expect(insert!.eventSourceARN).toContain(':table/orders/stream/');
  });

  it('kinesisEvent: base64 data, one partition key, increasing sequence numbers', () => {
    const event = kinesisEvent({
      records: [{ data: { t: 21 } }, { data: 'raw', partitionKey: 'p' }],
    });
    const [one, two] = event.Records.map((record) => record.kinesis);

    expect(Buffer.from(one!.data, 'base64').toString()).toBe('{"t":21}');
    expect(Buffer.from(two!.data, 'base64').toString()).toBe('raw');
    expect(two!.partitionKey).toBe('p');
    expect(BigInt(two!.sequenceNumber) - BigInt(one!.sequenceNumber)).toBe(1n);
  });

  it('snsEvent: a JSON message, string attributes typed as SNS types them', () => {
    const { Sns } = snsEvent({ message: { a: 1 }, messageAttributes: { n: 1 } })
      .Records[0]!;
    expect(Sns.Message).toBe('{"a":1}');
    expect(Sns.MessageAttributes).toEqual({
      n: { Type: 'Number', Value: '1' },
    });
  });

  it('eventBridgeEvent and scheduleEvent', () => {
    expect(
      eventBridgeEvent({ detailType: 'OrderPlaced', detail: { id: '7' } }),
    ).toMatchObject({
      'detail-type': 'OrderPlaced',
      detail: { id: '7' },
      source: 'local.service',
    });
    const schedule = scheduleEvent({
      rule: 'nightly',
      time: '2024-06-17T12:00:00Z',
    });
    expect(schedule).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2024-06-17T12:00:00Z',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/nightly'],
    });
  });
});
