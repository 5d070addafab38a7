import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import type { SQSRecord } from 'aws-lambda';
import type { LambdaHttpRequest, LambdaInvocation } from '../lambda/index.js';

/**
 * The correlation id of the current invocation, to stamp on what it produces: the caller's
 * `x-correlation-id` header (HTTP), the `correlationId` message attribute (SQS), else the Lambda
 * request id. Request-scoped, so every invocation, and every record of a batch, gets its own.
 */
@Injectable({ scope: Scope.REQUEST })
export class CorrelationId {
  readonly value: string;

  // REQUEST is the request-like object for HTTP functions, the invocation of a record for others.
  constructor(@Inject(REQUEST) request: LambdaHttpRequest | LambdaInvocation) {
    this.value =
      fromHeader(request) ??
      fromMessageAttribute(request) ??
      request.context.awsRequestId;
  }
}

function fromHeader(request: LambdaHttpRequest | LambdaInvocation) {
  if (!('headers' in request)) return undefined;
  const header = request.headers['x-correlation-id'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

function fromMessageAttribute(request: LambdaHttpRequest | LambdaInvocation) {
  if (!('record' in request) || request.trigger !== 'sqs') return undefined;
  const record = request.record as SQSRecord;
  return record.messageAttributes.correlationId?.stringValue || undefined;
}
