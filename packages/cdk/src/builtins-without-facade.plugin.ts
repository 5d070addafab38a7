import type { Plugin } from 'esbuild';
import { builtinModules } from 'node:module';

const NAMESPACE = 'cnl-builtin';

const BUILTINS = new Set(builtinModules.filter((id) => !id.startsWith('_')));

/** `node:http` for `http` and `node:http`; `undefined` for anything that is not a builtin. */
function builtinId(path: string): string | undefined {
  const bare = path.startsWith('node:') ? path.slice('node:'.length) : path;
  return BUILTINS.has(bare) ? `node:${bare}` : undefined;
}

/**
 * Loads the Node builtins that ESM code imports with `process.getBuiltinModule` instead of an
 * `import` statement. For an `import` of a builtin, Node builds an ES module facade that reads every
 * export once; for `node:http` that includes the lazy `WebSocket`, `CloseEvent` and `MessageEvent`
 * getters, which load undici: about 50 ms of every cold start, for a constant the runtime reads
 * (`STATUS_CODES`). The module this plugin puts in its place is CommonJS, so esbuild reads each
 * imported name from it when the code uses it, and nothing touches the getters. `require()` calls
 * of CommonJS dependencies are left alone: they never built a facade.
 */
export function builtinsWithoutFacade(): Plugin {
  return {
    name: 'builtins-without-facade',
    setup(build) {
      build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import')
          return undefined;
        const id = builtinId(args.path);
        return id === undefined
          ? undefined
          : { path: id, namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}
