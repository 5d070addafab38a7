import type { BuildOptions } from 'esbuild';
import {
  CJS_SHIMS,
  NEST_OPTIONAL_PACKAGES,
  PLATFORM_EXPRESS,
} from '@create-nest-lambda/cdk';
import type { BundleSource } from './built-function.js';

// The bundling of `NestFunction` (packages/cdk), as CDK's NodejsFunction turns
// it into an esbuild command (aws-cdk-lib/aws-lambda-nodejs/lib/bundling.js, buildEsbuildArgs):
// `esbuild --bundle <entry> --target=node24 --platform=node --format=esm --outfile=.../index.mjs
// --minify --sourcemap --sources-content=false --external:... --keep-names --banner:js=...
// --main-fields=module,main`, run in the project root. The baselines are bundled with these;
// the kit's functions are bundled by `cdk synth` itself. `constructDrift` checks the copy.

/** A function's sources and where its `index.mjs` goes. */
export type FunctionBundle = BundleSource & { readonly outdir: string };

export function nestFunctionBuildOptions(fn: FunctionBundle): BuildOptions {
  return {
    entryPoints: [fn.entry],
    bundle: true,
    target: fn.target,
    platform: 'node',
    format: 'esm',
    outfile: `${fn.outdir}/index.mjs`,
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    external: [
      ...NEST_OPTIONAL_PACKAGES.filter((pkg) => !fn.dependencies.includes(pkg)),
      // The express baseline is the one function here that runs on it, so it gets it bundled.
      ...(fn.dependencies.includes(PLATFORM_EXPRESS) ? [] : [PLATFORM_EXPRESS]),
    ],
    keepNames: true,
    banner: { js: CJS_SHIMS },
    mainFields: ['module', 'main'],
    absWorkingDir: fn.projectRoot,
    logLevel: 'warning',
  };
}

/** What of the settings above `NestFunction`'s source no longer says (the lists are shared). */
export function constructDrift(constructSource: string): string[] {
  const expected = [
    'format: OutputFormat.ESM',
    "mainFields: ['module', 'main']",
    'banner: CJS_SHIMS',
    'minify: true',
    'keepNames: true',
    'sourceMap: true',
    'sourcesContent: false',
    'externalModules: externalModules(',
  ];
  return expected.filter((text) => !constructSource.includes(text));
}
