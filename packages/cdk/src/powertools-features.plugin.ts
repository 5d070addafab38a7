import type { Plugin } from 'esbuild';
import { dirname, sep } from 'node:path';

/** The runtime's features that load a Powertools package, by `NestFunction`'s option. */
export const POWERTOOLS_FEATURES = {
  metrics: '@aws-lambda-powertools/metrics',
  tracing: '@aws-lambda-powertools/tracer',
  idempotency: '@aws-lambda-powertools/idempotency',
} as const;

export type PowertoolsFeature = keyof typeof POWERTOOLS_FEATURES;

const HOW_TO_TURN_ON: Record<PowertoolsFeature, string> = {
  metrics: 'metrics: { namespace }',
  tracing: 'tracing: true',
  idempotency: 'idempotency: true',
};

const NAMESPACE = 'cnl-powertools-off';

/**
 * Leaves the Powertools package of each feature that is `off` out of a function's bundle. The
 * runtime `import()`s it only when the function turns the feature on, but esbuild bundles every
 * `import()` it can resolve, so in a service that depends on the package (another function uses
 * it) every function parsed it at cold start. Only the runtime's own `import()`s are replaced, by
 * a module that throws naming the option to turn on; the service's own imports of Powertools
 * bundle as before.
 */
export function powertoolsOff(
  off: readonly PowertoolsFeature[],
  projectRoot: string,
): Plugin {
  const leftOut = new Map(
    off.map((feature) => [POWERTOOLS_FEATURES[feature], feature]),
  );
  return {
    name: 'powertools-features-off',
    setup(build) {
      let runtimeDir: Promise<string | undefined> | undefined;
      build.onResolve(
        { filter: /^@aws-lambda-powertools\/[^/]+(\/.*)?$/ },
        async (args) => {
          const pkg = args.path.split('/').slice(0, 2).join('/');
          const feature = leftOut.get(pkg as never);
          if (args.kind !== 'dynamic-import' || !feature) return undefined;
          runtimeDir ??= build
            .resolve('@create-nest-lambda/runtime/package.json', {
              resolveDir: projectRoot,
              kind: 'import-statement',
            })
            .then((found) =>
              found.errors.length > 0 ? undefined : dirname(found.path) + sep,
            );
          const dir = await runtimeDir;
          if (!dir || !args.importer.startsWith(dir)) return undefined;
          return { path: args.path, namespace: NAMESPACE, pluginData: feature };
        },
      );
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const feature = args.pluginData as PowertoolsFeature;
        const message = `${args.path} is not in this function's bundle: its NestFunction has ${feature} off (${HOW_TO_TURN_ON[feature]} turns it on)`;
        return {
          contents: `throw new Error(${JSON.stringify(message)});`,
          loader: 'js',
        };
      });
    },
  };
}
