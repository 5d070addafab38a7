import 'reflect-metadata';
import {
  forwardRef,
  Inject,
  Injectable,
  type INestApplicationContext,
  Module,
  Optional,
  Scope,
  type Type,
} from '@nestjs/common';
import {
  ContextIdFactory,
  INQUIRER,
  ModuleRef,
  ModulesContainer,
  NestFactory,
  REQUEST,
} from '@nestjs/core';
import { Injector, type InstanceWrapper } from '@nestjs/core/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { compileRequestTree } from '../../src/pipeline/request-tree.js';

interface Request {
  readonly tag: string;
}

@Injectable()
class Clock {}

@Injectable({ scope: Scope.REQUEST })
class Tenant {
  constructor(@Inject(REQUEST) readonly request: Request) {}
}

/** Default scope, request-scoped through Tenant. */
@Injectable()
class Repository {
  constructor(
    readonly tenant: Tenant,
    readonly clock: Clock,
  ) {}
}

@Injectable({ scope: Scope.REQUEST })
class Audit {
  constructor(@Inject(REQUEST) readonly request: Request) {}
}

const TAG = Symbol('TAG');
const LATE_TAG = 'LATE_TAG';
const SAME_TENANT = 'SAME_TENANT';

@Injectable()
class Root {
  @Inject(Audit) readonly audit!: Audit;
  @Inject(Clock) readonly clock!: Clock;
  constructor(
    readonly tenant: Tenant,
    readonly repository: Repository,
    @Inject(TAG) readonly tag: string,
    @Inject(LATE_TAG) readonly lateTag: string,
    @Inject(SAME_TENANT) readonly sameTenant: Tenant,
    readonly moduleRef: ModuleRef,
  ) {}
}

@Module({
  providers: [
    Clock,
    Tenant,
    Repository,
    Audit,
    Root,
    {
      provide: TAG,
      scope: Scope.REQUEST,
      inject: [REQUEST],
      useFactory: (request: Request) => `tag:${request.tag}`,
    },
    {
      provide: LATE_TAG,
      scope: Scope.REQUEST,
      inject: [REQUEST],
      useFactory: async (request: Request) => {
        await new Promise((resolve) => setImmediate(resolve));
        return `late:${request.tag}`;
      },
    },
    { provide: SAME_TENANT, useExisting: Tenant },
  ],
})
class GraphModule {}

const apps: INestApplicationContext[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function start(module: Type): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(module, {
    logger: false,
  });
  apps.push(app);
  return app;
}

function wrapperOf(app: INestApplicationContext, token: Type): InstanceWrapper {
  for (const moduleRef of app.get(ModulesContainer).values()) {
    const wrapper = moduleRef.providers.get(token);
    if (wrapper) return wrapper;
  }
  throw new Error(`${token.name} is not a provider`);
}

// Nest's own resolution, which records the graph the tree is compiled from.
async function resolveWithNest<T>(
  app: INestApplicationContext,
  token: Type<T>,
  request: Request,
): Promise<T> {
  const contextId = ContextIdFactory.create();
  app.registerRequestByContextId(request, contextId);
  return app.resolve(token, contextId);
}

async function compiled(app: INestApplicationContext, token: Type) {
  await resolveWithNest(app, token, { tag: 'first' });
  return compileRequestTree(wrapperOf(app, token), new Injector());
}

async function build<T>(
  app: INestApplicationContext,
  token: Type<T>,
  tag: string,
) {
  const tree = (await compiled(app, token))!;
  const contextId = ContextIdFactory.create();
  const request = { tag };
  app.registerRequestByContextId(request, contextId);
  const root = (await tree(contextId, request)) as T;
  return { tree, contextId, request, root };
}

describe('compileRequestTree', () => {
  it('builds the sub-tree Nest builds: REQUEST, singletons, implicit request scope, properties, factories, aliases', async () => {
    const app = await start(GraphModule);
    const { root, request } = await build(app, Root, 'a');
    const byNest = await resolveWithNest(app, Root, { tag: 'a' });

    for (const made of [root, byNest]) {
      expect(made).toBeInstanceOf(Root);
      expect(made.tenant.request).toEqual(request);
      expect(made.repository.tenant).toBe(made.tenant);
      expect(made.sameTenant).toBe(made.tenant);
      expect(made.repository.clock).toBe(app.get(Clock));
      expect(made.clock).toBe(app.get(Clock));
      expect(made.audit).toBeInstanceOf(Audit);
      expect(made.audit.request).toEqual(request);
      expect(made.tag).toBe('tag:a');
      expect(made.lateTag).toBe('late:a');
      expect(made.moduleRef).toBe(app.get(ModuleRef));
    }
    expect(root.tenant.request).toBe(request);
    expect(root).not.toBe(byNest);
  });

  it('gives each context its own instances and stores them where ModuleRef.resolve() looks', async () => {
    const app = await start(GraphModule);
    const { tree, contextId, root } = await build(app, Root, 'a');
    const other = ContextIdFactory.create();
    app.registerRequestByContextId({ tag: 'b' }, other);
    const second = (await tree(other, { tag: 'b' })) as Root;

    expect(second.tenant).not.toBe(root.tenant);
    expect(second.tenant.request.tag).toBe('b');
    expect(await app.resolve(Root, contextId)).toBe(root);
    expect(await app.resolve(Tenant, contextId)).toBe(root.tenant);
    expect(await root.moduleRef.resolve(Repository, contextId)).toBe(
      root.repository,
    );
    expect(await app.resolve(Tenant, other)).toBe(second.tenant);
  });

  it("rejects with the constructor's error and builds the next context as usual", async () => {
    let fail = false;
    @Injectable({ scope: Scope.REQUEST })
    class Fragile {
      constructor(@Inject(REQUEST) readonly request: Request) {
        if (fail) throw new Error('constructor failed');
      }
    }
    @Module({ providers: [Fragile] })
    class FragileModule {}
    const app = await start(FragileModule);
    const tree = (await compiled(app, Fragile))!;

    fail = true;
    await expect(tree(ContextIdFactory.create(), { tag: 'x' })).rejects.toThrow(
      'constructor failed',
    );
    fail = false;
    const made = (await tree(ContextIdFactory.create(), {
      tag: 'y',
    })) as Fragile;
    expect(made.request.tag).toBe('y');
  });

  it('leaves a singleton graph to Nest (nothing to build per context)', async () => {
    const app = await start(GraphModule);
    expect(compileRequestTree(wrapperOf(app, Clock), new Injector())).toBe(
      undefined,
    );
  });

  describe('leaves to Nest the graphs whose semantics need its injector', () => {
    it('a transient provider', async () => {
      @Injectable({ scope: Scope.TRANSIENT })
      class Helper {}
      @Injectable({ scope: Scope.REQUEST })
      class UsesTransient {
        constructor(readonly helper: Helper) {}
      }
      @Module({ providers: [Helper, UsesTransient] })
      class TransientModule {}
      expect(await compiled(await start(TransientModule), UsesTransient)).toBe(
        undefined,
      );
    });

    it('a durable provider', async () => {
      @Injectable({ scope: Scope.REQUEST, durable: true })
      class Durable {}
      @Injectable({ scope: Scope.REQUEST })
      class UsesDurable {
        constructor(readonly durable: Durable) {}
      }
      @Module({ providers: [Durable, UsesDurable] })
      class DurableModule {}
      expect(await compiled(await start(DurableModule), UsesDurable)).toBe(
        undefined,
      );
    });

    it('INQUIRER', async () => {
      @Injectable({ scope: Scope.REQUEST })
      class AsksInquirer {
        constructor(@Optional() @Inject(INQUIRER) readonly inquirer: unknown) {}
      }
      @Module({ providers: [AsksInquirer] })
      class InquirerModule {}
      expect(await compiled(await start(InquirerModule), AsksInquirer)).toBe(
        undefined,
      );
    });

    it('a missing optional dependency', async () => {
      @Injectable({ scope: Scope.REQUEST })
      class AsksMissing {
        constructor(
          @Optional() @Inject('MISSING') readonly missing?: unknown,
        ) {}
      }
      @Module({ providers: [AsksMissing] })
      class MissingModule {}
      expect(await compiled(await start(MissingModule), AsksMissing)).toBe(
        undefined,
      );
    });

    it('a forward reference', async () => {
      @Injectable({ scope: Scope.REQUEST })
      class Later {}
      @Injectable({ scope: Scope.REQUEST })
      class Earlier {
        constructor(@Inject(forwardRef(() => Later)) readonly later: Later) {}
      }
      @Module({ providers: [Earlier, Later] })
      class ForwardModule {}
      expect(await compiled(await start(ForwardModule), Earlier)).toBe(
        undefined,
      );
    });
  });

  it('is compiled only from a graph Nest has recorded by resolving it once', async () => {
    const app = await start(GraphModule);
    const wrapper = wrapperOf(app, Root);
    expect(compileRequestTree(wrapper, new Injector())).toBe(undefined);
    await resolveWithNest(app, Root, { tag: 'first' });
    expect(compileRequestTree(wrapper, new Injector())).toBeTypeOf('function');
  });
});
