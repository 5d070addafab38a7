import type { BuildOptions } from 'esbuild';
import type { BundleSource } from './built-function.js';

// The bundling of the generated `infra/nest-function.construct.ts`, as CDK's NodejsFunction turns
// it into an esbuild command (aws-cdk-lib/aws-lambda-nodejs/lib/bundling.js, buildEsbuildArgs):
// `esbuild --bundle <entry> --target=node22 --platform=node --format=esm --outfile=.../index.mjs
// --minify --sourcemap --sources-content=false --external:... --keep-names --banner:js=...
// --main-fields=module,main`, run in the project root. The baselines are bundled with these;
// the kit's functions are bundled by `cdk synth` itself. `constructDrift` checks the copy.

/** The construct's NEST_OPTIONAL_PACKAGES: external unless the function depends on them. */
export const NEST_OPTIONAL_PACKAGES = [
  '@nestjs/microservices',
  '@nestjs/websockets',
  '@nestjs/platform-express',
  'class-transformer',
  'class-validator',
] as const;

/** The construct's CJS_SHIMS banner. */
export const CJS_SHIMS = [
  "import { createRequire as __cnlCreateRequire } from 'node:module';",
  "import { fileURLToPath as __cnlFileURLToPath } from 'node:url';",
  "import { dirname as __cnlDirname } from 'node:path';",
  'const require = __cnlCreateRequire(import.meta.url);',
  'const __filename = __cnlFileURLToPath(import.meta.url);',
  'const __dirname = __cnlDirname(__filename);',
].join(' ');

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
    external: NEST_OPTIONAL_PACKAGES.filter(
      (pkg) => !fn.dependencies.includes(pkg),
    ),
    keepNames: true,
    banner: { js: CJS_SHIMS },
    mainFields: ['module', 'main'],
    absWorkingDir: fn.projectRoot,
    logLevel: 'warning',
  };
}

/** What of the settings above the construct of the generated service no longer says. */
export function constructDrift(constructSource: string): string[] {
  const expected = [
    'format: OutputFormat.ESM',
    "mainFields: ['module', 'main']",
    'banner: CJS_SHIMS',
    'minify: true',
    'keepNames: true',
    'sourceMap: true',
    'sourcesContent: false',
    ...CJS_SHIMS.split('; ').map((line) => line.replace(/;$/, '')),
    ...NEST_OPTIONAL_PACKAGES.map((pkg) => `'${pkg}'`),
  ];
  return expected.filter((text) => !constructSource.includes(text));
}
