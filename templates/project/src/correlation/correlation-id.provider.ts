import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import type { SQSRecord } from 'aws-lambda';
import { InvocationContext } from '../lambda/index.js';

/**
 * The correlation id of the current invocation, to stamp on what it produces: the caller's
 * `x-correlation-id` header (HTTP), the `correlationId` message attribute (SQS), else the Lambda
 * request id. Request-scoped, so every invocation, and every record of a batch, gets its own.
 */
@Injectable({ scope: Scope.REQUEST })
export class CorrelationId {
  readonly value: string;

  constructor(
    @Inject(REQUEST) request: unknown,
    invocation: InvocationContext,
  ) {
    this.value =
      fromHttpHeader(request) ??
      fromSqsAttribute(request) ??
      invocation.requestId;
  }
}

// HTTP functions: REQUEST is the request-like object Nest's router sees (headers in lower case).
function fromHttpHeader(request: unknown): string | undefined {
  const header = (request as { headers?: Record<string, unknown> }).headers?.[
    'x-correlation-id'
  ];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

// Other triggers: REQUEST is `{ event, record, context }`.
function fromSqsAttribute(request: unknown): string | undefined {
  const record = (request as { record?: Partial<SQSRecord> }).record;
  return record?.messageAttributes?.correlationId?.stringValue || undefined;
}
