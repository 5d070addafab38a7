import type {
  SNSEvent,
  SNSMessageAttribute,
  SQSEvent,
  SQSMessageAttribute,
  SQSRecord,
} from 'aws-lambda';
import { createHash, randomUUID } from 'node:crypto';
import { asText, localArn } from './payload.js';

// SQS and SNS records, shaped as in Powertools' sqs-base and sns-base events (and, for FIFO
// queues, with the SequenceNumber, MessageGroupId and MessageDeduplicationId attributes).

/** A message attribute: a string or number, or the attribute as SQS delivers it. */
export type SqsAttributeValue = string | number | SQSMessageAttribute;

/** One SQS message. */
export interface SqsMessageOptions {
  /** A string is sent as is, anything else as JSON. */
  readonly body?: unknown;
  readonly messageId?: string;
  readonly messageAttributes?: Readonly<Record<string, SqsAttributeValue>>;
  /** FIFO queues only; defaults to the event's `messageGroupId`. */
  readonly messageGroupId?: string;
  /** How many times SQS delivered it, this time included; defaults to 1. */
  readonly receiveCount?: number;
}

/** Options of `sqsEvent()`: one message (`body`, ...) or several (`records`). */
export interface SqsEventOptions extends SqsMessageOptions {
  readonly records?: readonly SqsMessageOptions[];
  /** The queue name; defaults to `local-queue` (`local-queue.fifo` for FIFO). */
  readonly queue?: string;
  /** A FIFO queue: records carry `SequenceNumber`, `MessageGroupId`, `MessageDeduplicationId`. */
  readonly fifo?: boolean;
  readonly region?: string;
}

const sqsAttribute = (value: SqsAttributeValue): SQSMessageAttribute =>
  typeof value === 'object'
    ? value
    : {
        stringValue: String(value),
        stringListValues: [],
        binaryListValues: [],
        dataType: typeof value === 'number' ? 'Number' : 'String',
      };

const receiptHandle = () =>
  `AQEB${Buffer.from(randomUUID() + randomUUID()).toString('base64')}`;

/**
 * An SQS event with real record shapes: `md5OfBody` of the body, `attributes` with timestamps,
 * and the FIFO attributes when `fifo` is set.
 *
 * @example
 * ```ts
 * const event = sqsEvent({ records: [{ body: { id: 1 } }, { body: { id: '' } }] });
 * expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }] });
 * ```
 */
export function sqsEvent(options: SqsEventOptions = {}): SQSEvent {
  const fifo = options.fifo ?? false;
  const queue = options.queue ?? (fifo ? 'local-queue.fifo' : 'local-queue');
  const region = options.region ?? 'us-east-1';
  const messages = options.records ?? [options];
  const sent = Date.now();
  return {
    Records: messages.map((message, index): SQSRecord => {
      const body = asText(message.body ?? {});
      const groupId =
        message.messageGroupId ?? options.messageGroupId ?? 'group-1';
      return {
        messageId: message.messageId ?? randomUUID(),
        receiptHandle: receiptHandle(),
        body,
        attributes: {
          ApproximateReceiveCount: String(message.receiveCount ?? 1),
          SentTimestamp: String(sent + index),
          SenderId: 'AIDAIENQZJOLO23YVJ4VO',
          ApproximateFirstReceiveTimestamp: String(sent + index + 2),
          ...(fifo && {
            SequenceNumber: String(18849496460467696128n + BigInt(index)),
            MessageGroupId: groupId,
            MessageDeduplicationId: createHash('sha256')
              .update(body)
              .digest('hex'),
          }),
        },
        messageAttributes: Object.fromEntries(
          Object.entries(message.messageAttributes ?? {}).map(
            ([name, value]) => [name, sqsAttribute(value)],
          ),
        ),
        md5OfBody: createHash('md5').update(body).digest('hex'),
        eventSource: 'aws:sqs',
        eventSourceARN: localArn('sqs', queue, region),
        awsRegion: region,
      };
    }),
  };
}

/** Options of `snsEvent()`. */
export interface SnsEventOptions {
  /** A string is sent as is, anything else as JSON. */
  readonly message?: unknown;
  readonly subject?: string;
  readonly messageAttributes?: Readonly<
    Record<string, string | number | SNSMessageAttribute>
  >;
  /** The topic name; defaults to `local-topic`. */
  readonly topic?: string;
}

/**
 * An SNS notification event (SNS delivers one record per invocation).
 *
 * @example
 * ```ts
 * await handler(snsEvent({ message: { level: 'warn' }, subject: 'Alert' }));
 * ```
 */
export function snsEvent(options: SnsEventOptions = {}): SNSEvent {
  const topicArn = localArn('sns', options.topic ?? 'local-topic');
  const messageId = randomUUID();
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
        EventSource: 'aws:sns',
        Sns: {
          SignatureVersion: '1',
          Timestamp: new Date().toISOString(),
          Signature: Buffer.from(randomUUID()).toString('base64'),
          SigningCertUrl:
            'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-local.pem',
          MessageId: messageId,
          Message: asText(options.message ?? {}),
          MessageAttributes: Object.fromEntries(
            Object.entries(options.messageAttributes ?? {}).map(
              ([name, value]) => [
                name,
                typeof value === 'object'
                  ? value
                  : {
                      Type: typeof value === 'number' ? 'Number' : 'String',
                      Value: String(value),
                    },
              ],
            ),
          ),
          Type: 'Notification',
          UnsubscribeUrl: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}`,
          TopicArn: topicArn,
          // SNS sends `null` for a message published without a subject; the type says string.
          Subject: options.subject ?? (null as unknown as string),
        },
      },
    ],
  };
}
