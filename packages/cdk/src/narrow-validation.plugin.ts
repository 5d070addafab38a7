import type { Plugin } from 'esbuild';

/**
 * What `@nestjs/common` reads from the namespace it `import()`s (`ValidationPipe`,
 * `ClassSerializerInterceptor`). A test checks the list against Nest's sources.
 */
export const NEST_VALIDATION_IMPORTS: Readonly<
  Record<string, readonly string[]>
> = {
  'class-validator': ['validate', 'getMetadataStorage'],
  'class-transformer': ['plainToInstance', 'classToPlain'],
};

const NEST_COMMON = /[\\/]node_modules[\\/]@nestjs[\\/]common[\\/]/;
const NAMESPACE = 'cnl-narrow-validation';

/**
 * Hands `@nestjs/common`'s `import('class-validator')` and `import('class-transformer')` a module
 * that re-exports only the functions Nest calls. esbuild must keep every export of a namespace that
 * `import()` returns, so without this each function bundles and evaluates all of class-validator
 * (every validator, and libphonenumber's metadata: about 400 KB). The DTOs' own static imports
 * (`import { IsString } from 'class-validator'`) are left alone and tree-shaken, so a decorator such
 * as `@IsPhoneNumber` is bundled exactly when a DTO of the function uses it. Packages in `external`
 * are left alone too.
 */
export function narrowValidationImports(external: readonly string[]): Plugin {
  const packages = Object.keys(NEST_VALIDATION_IMPORTS).filter(
    (pkg) => !external.includes(pkg),
  );
  return {
    name: 'narrow-validation-imports',
    setup(build) {
      build.onResolve({ filter: /^class-(validator|transformer)$/ }, (args) =>
        args.kind === 'dynamic-import' &&
        packages.includes(args.path) &&
        NEST_COMMON.test(args.importer)
          ? {
              path: args.path,
              namespace: NAMESPACE,
              pluginData: args.resolveDir,
            }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: `export { ${NEST_VALIDATION_IMPORTS[args.path]!.join(', ')} } from '${args.path}';`,
        // Resolved from where Nest imported it, so it is the very package the DTOs use.
        resolveDir: args.pluginData as string,
        loader: 'js',
      }));
    },
  };
}
