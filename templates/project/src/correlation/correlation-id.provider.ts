import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import type {
  LambdaHttpRequest,
  LambdaInvocation,
} from '@create-nest-lambda/runtime';
import { correlationIdOf } from './correlation-id.js';

/**
 * The correlation id of the current invocation (see `correlationIdOf`). Request-scoped, so every
 * invocation, and every record of a batch, gets its own, and so does whatever injects it. An HTTP
 * controller reads it with `@CurrentCorrelationId()` instead, and stays a singleton.
 */
@Injectable({ scope: Scope.REQUEST })
export class CorrelationId {
  readonly value: string;

  // REQUEST is the request-like object for HTTP functions, the invocation of a record for others.
  constructor(@Inject(REQUEST) request: LambdaHttpRequest | LambdaInvocation) {
    this.value = correlationIdOf(request);
  }
}
