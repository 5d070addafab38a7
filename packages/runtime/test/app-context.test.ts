import 'reflect-metadata';
import {
  type BeforeApplicationShutdown,
  Controller,
  Get,
  Injectable,
  type INestApplicationContext,
  Module,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler, LambdaHandler, OnInvoke } from '../src/index.js';
import { lambdaContext } from './support/context.js';

const hooks: string[] = [];

@Injectable()
class Connections
  implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown
{
  onModuleInit() {
    hooks.push('init');
  }
  onModuleDestroy() {
    hooks.push('destroy');
  }
  beforeApplicationShutdown(signal?: string) {
    hooks.push(`before-shutdown:${signal}`);
  }
}

@LambdaHandler()
class PingHandler {
  @OnInvoke()
  ping() {
    return 'pong';
  }
}

@Controller('ping')
class PingController {
  @Get()
  ping() {
    return 'pong';
  }
}

@Module({
  controllers: [PingController],
  providers: [Connections, PingHandler],
})
class AppModule {}

@Injectable()
class Broken implements OnModuleInit {
  onModuleInit() {
    throw new Error('cannot reach the database');
  }
}

@Module({ providers: [Broken, PingHandler] })
class BrokenModule {}

/** The SIGTERM listener `act` adds to the process. */
async function sigtermListenerOf<T>(act: () => Promise<T>) {
  const before = process.listeners('SIGTERM');
  const result = await act();
  const added = process
    .listeners('SIGTERM')
    .filter((listener) => !before.includes(listener));
  return { result, added };
}

describe('app context', () => {
  afterEach(() => {
    hooks.length = 0;
    vi.restoreAllMocks();
  });

  it('is created once, at init, with lifecycle hooks, and reused by every invocation', async () => {
    const handler = await createHandler(AppModule, {
      trigger: 'invoke',
      handler: PingHandler,
      logger: false,
    });
    expect(hooks).toEqual(['init']);
    expect(await handler({}, lambdaContext())).toBe('pong');
    expect(await handler({}, lambdaContext())).toBe('pong');
    expect(hooks).toEqual(['init']);
    await handler.app.close();
  });

  for (const trigger of ['invoke', 'http-api'] as const) {
    it(`closes on SIGTERM, running onModuleDestroy and beforeApplicationShutdown (${trigger})`, async () => {
      const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
      const { added } = await sigtermListenerOf<{
        app: INestApplicationContext;
      }>(() =>
        trigger === 'invoke'
          ? createHandler(AppModule, {
              trigger,
              handler: PingHandler,
              logger: false,
            })
          : createHandler(AppModule, { trigger, logger: false }),
      );
      // One listener per application, registered once.
      expect(added).toHaveLength(1);

      await (added[0] as (signal: string) => Promise<void>)('SIGTERM');

      expect(hooks).toEqual(['init', 'destroy', 'before-shutdown:SIGTERM']);
      // Nest then re-raises the signal so the process ends as it would have.
      expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTERM');
      expect(process.listeners('SIGTERM')).not.toContain(added[0]);
    });
  }

  it('closes the app when the handler does not fit the trigger', async () => {
    const { added } = await sigtermListenerOf(async () => {
      await expect(
        createHandler(AppModule, {
          trigger: 'sns',
          handler: PingHandler,
          logger: false,
        }),
      ).rejects.toThrow('PingHandler has no @OnSnsMessage() method.');
    });
    expect(added).toHaveLength(0);
    expect(hooks).toEqual(['init', 'destroy', 'before-shutdown:undefined']);
  });

  it('rejects, instead of aborting the process, when the app fails to start', async () => {
    const { added } = await sigtermListenerOf(async () => {
      await expect(
        createHandler(BrokenModule, {
          trigger: 'invoke',
          handler: PingHandler,
          logger: false,
        }),
      ).rejects.toThrow('cannot reach the database');
    });
    expect(added).toHaveLength(0);
  });
});
