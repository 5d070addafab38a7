import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { LambdaHttpRequest, LambdaInvocation } from '../../src/index.js';
import { records } from './events.js';

// The request-scoped provider the request-scope and concurrency tests build their graphs around:
// it reads the tenant of its own invocation, from an HTTP header or an SQS message attribute.

/** Request-scoped: one per invocation (per record for batches), built around `REQUEST`. */
@Injectable({ scope: Scope.REQUEST })
export class TenantContext {
  /** How many have been built in this process, so tests can tell instances apart. */
  static created = 0;
  readonly serial = ++TenantContext.created;

  constructor(
    @Inject(REQUEST)
    readonly request: LambdaInvocation<SQSEvent, SQSRecord> | LambdaHttpRequest,
  ) {}

  /** The `x-tenant-id` header of a request, or the `tenant` attribute of a record. */
  get tenant(): string | undefined {
    if ('headers' in this.request)
      return this.request.headers['x-tenant-id'] as string;
    return this.request.record?.messageAttributes['tenant']?.stringValue;
  }
}

/**
 * An SQS event of one record per tenant, each carrying its tenant as the `tenant` message
 * attribute; `fill(record, index)` sets the rest (id, body).
 */
export function tenantBatch(
  tenants: readonly string[],
  fill: (record: SQSRecord, index: number) => void,
): SQSEvent {
  return {
    Records: records<SQSRecord>('sqs-base', tenants.length, (record, index) => {
      fill(record, index);
      record.messageAttributes = {
        tenant: {
          dataType: 'String',
          stringValue: tenants[index],
          stringListValues: [],
          binaryListValues: [],
        },
      };
    }),
  };
}
