import { REQUEST, type ContextId } from '@nestjs/core';
import type { Injector, InstanceWrapper } from '@nestjs/core/internal';

/**
 * Builds the request-scoped sub-tree of one handler in a context whose `REQUEST` is `request`,
 * and returns the handler's instance.
 */
export type RequestTree = (
  contextId: ContextId,
  request: unknown,
) => Promise<unknown>;

// Where a constructor argument or an injected property comes from.
type Source =
  | { readonly kind: 'static'; readonly value: unknown } // a singleton's instance
  | { readonly kind: 'request' }
  | { readonly kind: 'step'; readonly index: number }; // made earlier in the same context

interface Step {
  readonly wrapper: InstanceWrapper;
  readonly isFactory: boolean;
  readonly args: readonly Source[];
  readonly properties: readonly { key: string | symbol; source: Source }[];
}

/**
 * Compiles the request-scoped sub-tree of `root` into the constructor and factory calls that make
 * it, in dependency order, from the graph Nest recorded on its `InstanceWrapper`s while resolving
 * it once. Nest's injector takes the same shortcut for a request context once that graph is
 * recorded (`loadCtorMetadata`), but still pays a settlement signal and a few promises per
 * provider, which are most of a resolution's cost. Each instance is stored in its context as Nest
 * stores it, so `ModuleRef.resolve()` with the invocation's context id finds the same ones.
 *
 * Returns `undefined` wherever Nest's own semantics need its injector, which then keeps doing the
 * work: a graph not fully recorded yet, transient or durable providers, `INQUIRER`, forward
 * references and cycles. What a factory returns is awaited, as Nest awaits it.
 */
export function compileRequestTree(
  root: InstanceWrapper,
  injector: Injector,
): RequestTree | undefined {
  const steps: Step[] = [];
  const made = new Map<InstanceWrapper, number>();
  const visiting = new Set<InstanceWrapper>();

  const sourceOf = (
    wrapper: InstanceWrapper | undefined,
  ): Source | undefined => {
    if (wrapper === undefined || wrapper.isTransient) return undefined;
    if (wrapper.token === REQUEST) return { kind: 'request' };
    if (wrapper.isDependencyTreeStatic())
      return { kind: 'static', value: wrapper.instance };
    const index = made.get(wrapper) ?? addStep(wrapper);
    return index === undefined ? undefined : { kind: 'step', index };
  };

  const addStep = (wrapper: InstanceWrapper): number | undefined => {
    if (
      visiting.has(wrapper) ||
      wrapper.durable === true ||
      wrapper.forwardRef === true ||
      !isRecorded(wrapper, injector)
    )
      return undefined;
    const { isFactory } = wrapper;
    visiting.add(wrapper);
    const args: Source[] = [];
    for (const dependency of wrapper.getCtorMetadata() ?? []) {
      const source = sourceOf(dependency);
      if (source === undefined) return undefined;
      args.push(source);
    }
    const properties: { key: string | symbol; source: Source }[] = [];
    for (const { key, wrapper: dependency } of isFactory
      ? []
      : (wrapper.getPropertiesMetadata() ?? [])) {
      const source = sourceOf(dependency);
      if (source === undefined) return undefined;
      properties.push({ key, source });
    }
    visiting.delete(wrapper);
    made.set(wrapper, steps.length);
    steps.push({ wrapper, isFactory, args, properties });
    return steps.length - 1;
  };

  if (root.isDependencyTreeStatic() || addStep(root) === undefined)
    return undefined;
  return (contextId, request) => buildTree(steps, contextId, request);
}

async function buildTree(
  steps: readonly Step[],
  contextId: ContextId,
  request: unknown,
): Promise<unknown> {
  const instances: unknown[] = [];
  for (const { wrapper, isFactory, args, properties } of steps) {
    const values = args.map((source) => valueOf(source, instances, request));
    let instance: unknown;
    if (isFactory) {
      instance = (wrapper.metatype as (...deps: unknown[]) => unknown)(
        ...values,
      );
      // Nest awaits what a factory returns.
      if (isThenable(instance)) instance = await instance;
    } else {
      const Class = wrapper.metatype as new (...deps: unknown[]) => object;
      instance = new Class(...values);
      for (const { key, source } of properties)
        (instance as Record<string | symbol, unknown>)[key] = valueOf(
          source,
          instances,
          request,
        );
    }
    wrapper.setInstanceByContextId(contextId, {
      instance,
      isResolved: true,
      isPending: false,
    });
    instances.push(instance);
  }
  return instances[instances.length - 1];
}

function valueOf(
  source: Source,
  instances: readonly unknown[],
  request: unknown,
): unknown {
  if (source.kind === 'static') return source.value;
  return source.kind === 'request' ? request : instances[source.index];
}

// Whether Nest has recorded every constructor argument and injected property of `wrapper`, the
// condition of its own shortcut (`hasDenseCtorMetadata`, `hasCompletePropertiesMetadata`).
function isRecorded(wrapper: InstanceWrapper, injector: Injector): boolean {
  const { metatype, isFactory } = wrapper;
  if (metatype === undefined || metatype === null) return false;
  const ctorMetadata = wrapper.getCtorMetadata() ?? [];
  const expected = isFactory
    ? wrapper.inject!.length
    : injector.reflectConstructorParams(metatype).length;
  if (ctorMetadata.length !== expected) return false;
  for (let index = 0; index < expected; index++)
    if (ctorMetadata[index] === undefined) return false;
  if (isFactory) return true;
  const properties = wrapper.getPropertiesMetadata() ?? [];
  return injector
    .reflectProperties(metatype as never)
    .every(({ key }) => properties.some((property) => property.key === key));
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
