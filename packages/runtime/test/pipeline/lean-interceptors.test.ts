import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import {
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { InterceptorsConsumer } from '@nestjs/core/internal';
import {
  catchError,
  EMPTY,
  isObservable,
  lastValueFrom,
  map,
  of,
  retry,
  timeout,
  tap,
} from 'rxjs';
import { describe, expect, it } from 'vitest';
import { LeanInterceptorsConsumer } from '../../src/pipeline/lean-interceptors.consumer.js';

// The same expectations for Nest's consumer and the lean one: what interceptors and handlers see,
// and what the pipeline resolves to (ExternalContextCreator's `transformToResult`).
class Orders {}
const instance = new Orders();
// The handler method as the pipeline gets it.
const price = (): unknown => undefined;
const args = [{ orderId: 'o-1' }, { trigger: 'sqs' }];

const interceptor = (
  intercept: (context: ExecutionContext, next: CallHandler) => unknown,
): NestInterceptor => ({
  intercept: intercept as NestInterceptor['intercept'],
});

describe.each([
  ['Nest', () => new InterceptorsConsumer()],
  ['lean', () => new LeanInterceptorsConsumer()],
])("%s's interceptors consumer", (_name, makeConsumer) => {
  const run = async (
    interceptors: NestInterceptor[],
    handler: () => Promise<unknown>,
  ): Promise<unknown> => {
    const result = await makeConsumer().intercept(
      interceptors,
      args,
      instance,
      price,
      handler,
      'lambda',
    );
    return isObservable(result) ? lastValueFrom(result) : result;
  };

  it('calls the handler alone when there is no interceptor', async () => {
    await expect(run([], () => Promise.resolve(7))).resolves.toBe(7);
  });

  it('gives interceptors the context of the call', async () => {
    let seen: ExecutionContext | undefined;
    await run(
      [
        interceptor((context, next) => {
          seen = context;
          return next.handle();
        }),
      ],
      () => Promise.resolve(1),
    );
    expect(seen?.getType()).toBe('lambda');
    expect(seen?.getArgs()).toBe(args);
    expect(seen?.getClass()).toBe(Orders);
    expect(seen?.getHandler()).toBe(price);
  });

  it('runs interceptors around the handler in order, sync and async ones', async () => {
    const trace: string[] = [];
    const result = await run(
      [
        interceptor((_context, next) => {
          trace.push('first before');
          return next.handle().pipe(
            map((value) => {
              trace.push('first after');
              return `${String(value)}!`;
            }),
          );
        }),
        interceptor(async (_context, next) => {
          await Promise.resolve();
          trace.push('second before');
          return next.handle().pipe(map((value) => (value as number) * 2));
        }),
      ],
      () => {
        trace.push('handler');
        return Promise.resolve(21);
      },
    );
    expect(result).toBe('42!');
    expect(trace).toEqual([
      'first before',
      'second before',
      'handler',
      'first after',
    ]);
  });

  it('runs the handler again at each subscription (retry)', async () => {
    let calls = 0;
    const result = await run(
      [interceptor((_context, next) => next.handle().pipe(retry(2)))],
      () =>
        ++calls < 3
          ? Promise.reject(new Error(`attempt ${calls}`))
          : Promise.resolve(calls),
    );
    expect(result).toBe(3);
    expect(calls).toBe(3);
  });

  it('does not run the handler when an interceptor answers alone', async () => {
    let calls = 0;
    const result = await run([interceptor(() => of('cached'))], () => {
      calls++;
      return Promise.resolve('fresh');
    });
    expect(result).toBe('cached');
    expect(calls).toBe(0);
  });

  it("passes the handler's error on, and lets an interceptor catch it", async () => {
    const failing = () => Promise.reject(new TypeError('bad record'));
    await expect(
      run([interceptor((_context, next) => next.handle())], failing),
    ).rejects.toThrow(new TypeError('bad record'));
    const caught = await run(
      [
        interceptor((_context, next) =>
          next
            .handle()
            .pipe(catchError((error: Error) => of(`caught ${error.message}`))),
        ),
      ],
      failing,
    );
    expect(caught).toBe('caught bad record');
  });

  it('passes on an error an interceptor throws before calling the handler', async () => {
    const thrown = new RangeError('refused');
    await expect(
      run(
        [
          interceptor(() => {
            throw thrown;
          }),
        ],
        () => Promise.resolve(1),
      ),
    ).rejects.toBe(thrown);
  });

  it('flattens an Observable the handler returns to its last value', async () => {
    await expect(
      run([interceptor((_context, next) => next.handle())], () =>
        Promise.resolve(of(1, 2, 3)),
      ),
    ).resolves.toBe(3);
  });

  it('rejects with EmptyError when an interceptor emits nothing', async () => {
    await expect(
      run([interceptor(() => EMPTY)], () => Promise.resolve(1)),
    ).rejects.toMatchObject({ name: 'EmptyError' });
  });

  it('runs the rest of the chain in the async context of the handle() call', async () => {
    const storage = new AsyncLocalStorage<string>();
    let seen: string | undefined;
    await storage.run('outer', () =>
      run(
        [
          interceptor((_context, next) =>
            storage.run('inner', () => next.handle()),
          ),
        ],
        () => {
          seen = storage.getStore();
          return Promise.resolve(1);
        },
      ),
    );
    expect(seen).toBe('inner');
  });

  it("emits the handler's value once, then completes", async () => {
    const seen: string[] = [];
    const result = await run(
      [
        interceptor((_context, next) =>
          next.handle().pipe(
            tap({
              next: (value) => seen.push(`next ${String(value)}`),
              complete: () => seen.push('complete'),
            }),
          ),
        ),
      ],
      () => Promise.resolve(5),
    );
    expect(result).toBe(5);
    expect(seen).toEqual(['next 5', 'complete']);
  });

  it('hands on as it is an Observable an interceptor maps the result to', async () => {
    const inner = of('later');
    await expect(
      run(
        [interceptor((_context, next) => next.handle().pipe(map(() => inner)))],
        () => Promise.resolve(1),
      ),
    ).resolves.toBe(inner);
  });
});

// Nest's own consumer does the same from @nestjs/core 12.5 on; the runtime supports 12.1.
describe("the lean consumer's unsent results", () => {
  it('destroys the stream of a file the handler gives after the subscriber has gone', async () => {
    const stream = Readable.from(['a', 'b']);
    const result = await new LeanInterceptorsConsumer().intercept(
      [
        interceptor((_context, next) =>
          next.handle().pipe(timeout({ first: 5, with: () => of('too late') })),
        ),
      ],
      args,
      instance,
      price,
      () =>
        new Promise((resolve) =>
          setTimeout(() => resolve(new StreamableFile(stream)), 30),
        ),
      'lambda',
    );
    expect(result).toBe('too late');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stream.destroyed).toBe(true);
  });
});
