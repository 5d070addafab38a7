import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

type Conditions = Readonly<Record<string, string>>;

/** The file of `subpath` (`.`, `./operators`, `./internal/util/pipe`) under the `es2015` condition. */
function es2015File(
  exports: Readonly<Record<string, Conditions | string>>,
  subpath: string,
): string | undefined {
  const exact = exports[subpath];
  if (typeof exact === 'object') return exact.es2015;
  for (const [pattern, conditions] of Object.entries(exports)) {
    if (!pattern.endsWith('/*') || typeof conditions !== 'object') continue;
    const prefix = pattern.slice(0, -1);
    if (subpath.startsWith(prefix) && conditions.es2015)
      return conditions.es2015.replace('*', subpath.slice(prefix.length));
  }
  return undefined;
}

/**
 * Bundles rxjs from its ES2015 module build for every importer. Under Node's conditions its
 * exports map gives the CommonJS build, which esbuild cannot tree-shake: every function carried
 * and evaluated all of rxjs (170 KB of a 576 KB SQS bundle) for the few operators Nest uses. The
 * module build is marked free of side effects, so only what is used is bundled, and `require()`s
 * get the same copy, so there is one `Observable` class.
 */
export function rxjsModules(): Plugin {
  return {
    name: 'rxjs-modules',
    setup(build) {
      // Each rxjs found (one per node_modules folder) has its exports map read once per build.
      const exportsMaps = new Map<
        string,
        Promise<Record<string, Conditions | string> | undefined>
      >();
      build.onResolve({ filter: /^rxjs(\/.*)?$/ }, async (args) => {
        if (args.pluginData === 'rxjs-modules') return undefined;
        const manifest = await build.resolve('rxjs/package.json', {
          kind: 'require-call',
          resolveDir: args.resolveDir,
          pluginData: 'rxjs-modules',
        });
        if (manifest.errors.length > 0) return undefined;
        let exportsMap = exportsMaps.get(manifest.path);
        if (!exportsMap) {
          exportsMap = readFile(manifest.path, 'utf8').then(
            (text) =>
              (
                JSON.parse(text) as {
                  exports?: Record<string, Conditions | string>;
                }
              ).exports,
          );
          exportsMaps.set(manifest.path, exportsMap);
        }
        const exports = await exportsMap;
        const subpath = `.${args.path.slice('rxjs'.length)}`;
        const file = exports && es2015File(exports, subpath);
        return file ? { path: join(dirname(manifest.path), file) } : undefined;
      });
    },
  };
}
