import type { BuildOptions } from 'esbuild';
import type { BundleSource } from './built-function.js';

// The bundling of the generated `infra/nest-function.construct.ts`, as CDK's NodejsFunction turns
// it into an esbuild command (aws-cdk-lib/aws-lambda-nodejs/lib/bundling.js, buildEsbuildArgs):
// `esbuild --bundle <entry> --target=node24 --platform=node --format=esm --outfile=.../index.mjs
// --minify --sourcemap --sources-content=false --external:... --keep-names --banner:js=...
// --main-fields=module,main`, run in the project root. The baselines are bundled with these;
// the kit's functions are bundled by `cdk synth` itself. `constructDrift` checks the copy.

/** The construct's NEST_OPTIONAL_PACKAGES: external unless the function depends on them. */
export const NEST_OPTIONAL_PACKAGES = [
  '@nestjs/microservices',
  '@nestjs/websockets',
  '@nestjs/platform-socket.io',
  'class-transformer',
  'class-validator',
  '@nats-io/transport-node',
  'amqp-connection-manager',
  'ioredis',
  'kafkajs',
  'mqtt',
] as const;

/**
 * The construct leaves it out of every function, since they run on the kit's adapter. The
 * express baseline is the one function here that runs on it, so a function that depends on it
 * gets it bundled; for every other function this is the construct's rule.
 */
const PLATFORM_EXPRESS = '@nestjs/platform-express';

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
    external: [
      ...NEST_OPTIONAL_PACKAGES.filter((pkg) => !fn.dependencies.includes(pkg)),
      ...(fn.dependencies.includes(PLATFORM_EXPRESS) ? [] : [PLATFORM_EXPRESS]),
    ],
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
    `'${PLATFORM_EXPRESS}'`,
    ...CJS_SHIMS.split('; ').map((line) => line.replace(/;$/, '')),
  ];
  const drift = expected.filter((text) => !constructSource.includes(text));
  const list = /const NEST_OPTIONAL_PACKAGES = \[([^\]]*)\]/.exec(
    constructSource,
  )?.[1];
  if (list === undefined)
    return [...drift, 'const NEST_OPTIONAL_PACKAGES = [...]'];
  const theirs = new Set(
    [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]!),
  );
  const ours = new Set<string>(NEST_OPTIONAL_PACKAGES);
  for (const pkg of theirs)
    if (!ours.has(pkg)) drift.push(`NEST_OPTIONAL_PACKAGES has ${pkg}`);
  for (const pkg of ours)
    if (!theirs.has(pkg)) drift.push(`NEST_OPTIONAL_PACKAGES lacks ${pkg}`);
  return drift;
}
