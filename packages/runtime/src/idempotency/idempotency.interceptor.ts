import {
  ConflictException,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, defer, lastValueFrom, type Observable } from 'rxjs';
import { IdempotencyKeyMissingError } from '../errors.js';
import type { LambdaHttpRequest } from '../http/lambda-http.request.js';
import { getLambdaInvocation } from '../pipeline/lambda-invocation.js';
import {
  IdempotencyStore,
  type IdempotencySubject,
} from './idempotency.store.js';
import {
  IDEMPOTENT_METADATA,
  type IdempotentSettings,
} from './idempotent.options.js';

/**
 * The interceptor behind `@Idempotent()`. It runs after guards and before pipes, so the key is read
 * from the decoded payload as the trigger delivered it, and a repeated key skips the pipes too.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Powertools' switch, for tests of the handler's own behaviour; read per call, as tests set
    // it after importing the function's entry.
    if (isDisabled(process.env.POWERTOOLS_IDEMPOTENCY_DISABLED)) {
      return next.handle();
    }
    return defer(() => {
      const settings = this.reflector.get<IdempotentSettings>(
        IDEMPOTENT_METADATA,
        ctx.getHandler(),
      );
      const method = `${ctx.getClass().name}.${ctx.getHandler().name}`;
      const invocation = getLambdaInvocation(ctx);
      const subject = subjectOf(ctx, settings, invocation.body);
      if (subject === undefined) return next.handle();
      if (subject.key === undefined || subject.key === null) {
        throw new IdempotencyKeyMissingError(method);
      }
      return this.store.run({
        method,
        settings,
        subject,
        context: invocation.context,
        fn: () => lastValueFrom(next.handle(), { defaultValue: undefined }),
      });
    }).pipe(
      catchError((error: unknown) => {
        throw ctx.getType() === 'http' ? httpErrorOf(error) : error;
      }),
    );
  }
}

// HTTP: the header is the key and the request is the payload; no header, no idempotency.
function subjectOf(
  ctx: ExecutionContext,
  settings: IdempotentSettings,
  body: unknown,
): IdempotencySubject | undefined {
  if (ctx.getType() !== 'http')
    return { key: settings.key(body), payload: body };
  const request = ctx.switchToHttp().getRequest<LambdaHttpRequest>();
  const key = request.headers[settings.header];
  if (key === undefined) return undefined;
  return {
    key,
    payload: { method: request.method, url: request.originalUrl, body },
  };
}

// Over HTTP a clash is the client's to fix: 409 while the first request runs (as Stripe answers),
// 422 for a key reused with another request.
function httpErrorOf(error: unknown): unknown {
  const name = (error as Error | undefined)?.name;
  if (name === 'IdempotencyAlreadyInProgressError') {
    return new ConflictException(
      'A request with this Idempotency-Key is in progress; retry later.',
      { cause: error },
    );
  }
  if (name === 'IdempotencyPayloadMismatchError') {
    return new UnprocessableEntityException(
      'This Idempotency-Key was already used with a different request; send a new key.',
      { cause: error },
    );
  }
  return error;
}

function isDisabled(value: string | undefined): boolean {
  return (
    value !== undefined &&
    ['1', 'true', 'on', 'yes'].includes(value.toLowerCase())
  );
}
