import type { EventBridgeEvent, ScheduledEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { localArn } from './payload.js';

/** Options of `eventBridgeEvent()`. */
export interface EventBridgeEventOptions<TType extends string, TDetail> {
  readonly detailType: TType;
  readonly detail: TDetail;
  /** Defaults to `local.service`. */
  readonly source?: string;
  readonly resources?: readonly string[];
  /** ISO time; defaults to now, to the second, as EventBridge sends it. */
  readonly time?: string;
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * An EventBridge event, shaped as Powertools' eventbridge-base event.
 *
 * @example
 * ```ts
 * await handler(eventBridgeEvent({ detailType: 'OrderPlaced', detail: { orderId: '7' } }));
 * ```
 */
export function eventBridgeEvent<TType extends string, TDetail>(
  options: EventBridgeEventOptions<TType, TDetail>,
): EventBridgeEvent<TType, TDetail> {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': options.detailType,
    source: options.source ?? 'local.service',
    account: '123456789012',
    time: options.time ?? now(),
    region: 'us-east-1',
    resources: [...(options.resources ?? [])],
    detail: options.detail,
  };
}

/** Options of `scheduleEvent()`. */
export interface ScheduleEventOptions {
  /** The rule name; defaults to `local-schedule`. */
  readonly rule?: string;
  /** ISO time of the run; defaults to now, to the second. */
  readonly time?: string;
}

/**
 * An EventBridge scheduled event (`detail-type: Scheduled Event`, `source: aws.events`).
 *
 * @example
 * ```ts
 * await handler(scheduleEvent({ time: '2024-06-17T12:00:00Z' }));
 * ```
 */
export function scheduleEvent(
  options: ScheduleEventOptions = {},
): ScheduledEvent {
  return {
    ...eventBridgeEvent({
      detailType: 'Scheduled Event',
      detail: {},
      source: 'aws.events',
      time: options.time,
      resources: [
        localArn('events', `rule/${options.rule ?? 'local-schedule'}`),
      ],
    }),
  } as ScheduledEvent;
}
