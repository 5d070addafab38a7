// Parts of an event that serverless.yml and SAM spell differently but mean the same: a reference
// to a queue, topic, bucket or stream, and an EventBridge rule.
import type { IntrinsicReader } from '../plan/intrinsics.js';
import type { PlannedTrigger, ResourceRef, Value } from '../plan/plan.js';
import { isValueExpr } from '../plan/values.js';

export interface ReadContext {
  reader: IntrinsicReader;
  where: string;
}

/** A resource of the template (`!Ref`, `!GetAtt`) stays declared; anything else is an ARN. */
export function resourceRef(value: unknown, context: ReadContext): ResourceRef {
  const read: Value = context.reader.read(value, context.where) ?? '';
  if (isValueExpr(read) && read.kind === 'resource')
    return { kind: 'declared', logicalId: read.logicalId };
  return { kind: 'arn', arn: read };
}

export function eventBridgeTrigger(
  pattern: unknown,
  bus: unknown,
  context: ReadContext,
): PlannedTrigger {
  const eventBus =
    bus === undefined ? undefined : context.reader.read(bus, context.where);
  return eventBus === undefined
    ? { type: 'eventbridge', pattern: pattern ?? {} }
    : { type: 'eventbridge', pattern: pattern ?? {}, eventBus };
}
