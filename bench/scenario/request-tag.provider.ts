import { Inject, Injectable, Scope } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';

/**
 * A request-scoped provider that injects `REQUEST`, like a tenant or correlation id: whatever
 * depends on it gets its own instance per invocation (per record, for batches).
 */
@Injectable({ scope: Scope.REQUEST })
export class RequestTag {
  constructor(@Inject(REQUEST) readonly request: unknown) {}

  get present(): boolean {
    return this.request !== undefined && this.request !== null;
  }
}
