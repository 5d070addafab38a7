import { POWERTOOLS_FEATURES } from './powertools-features.plugin.js';

/**
 * Packages loaded lazily, only when an app uses them: the other transports of `@nestjs/core`, the
 * validation packages of `@nestjs/common`, the socket.io adapter of `@nestjs/websockets` and the
 * brokers' clients of `@nestjs/microservices`, the Fastify static-file server `@nestjs/swagger` loads
 * on Fastify only; and the runtime's Powertools features (metrics,
 * tracing, idempotency), imported only when the function turns them on. esbuild follows those
 * `import()`s and fails on every package that is not installed, so the ones the service does not
 * depend on are left out of the bundle.
 */
export const NEST_OPTIONAL_PACKAGES: readonly string[] = [
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
  '@fastify/static',
  ...Object.values(POWERTOOLS_FEATURES),
];

/**
 * Left out of every function: Nest loads it only for an app created without an adapter, and every
 * function runs on the runtime's `LambdaHttpAdapter`. A `nest new` app keeps it for `main.ts`.
 */
export const PLATFORM_EXPRESS = '@nestjs/platform-express';

/**
 * The banner of every bundle. The bundle is ESM (Nest 12 is ESM-only); CommonJS dependencies
 * bundled into it still call `require()` and read `__dirname`, which ESM does not define. The
 * builtins come from `process.getBuiltinModule`, not `import`: see `builtinsWithoutFacade`.
 */
export const CJS_SHIMS = [
  "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);",
  "const __filename = process.getBuiltinModule('node:url').fileURLToPath(import.meta.url);",
  "const __dirname = process.getBuiltinModule('node:path').dirname(__filename);",
].join(' ');

/**
 * What esbuild leaves out of a function's bundle: Nest's optional packages that the service does not
 * depend on, and `@nestjs/platform-express` unless it does.
 */
export function externalModules(
  dependencies: Readonly<Record<string, string>>,
): string[] {
  return [
    ...NEST_OPTIONAL_PACKAGES.filter((pkg) => dependencies[pkg] === undefined),
    PLATFORM_EXPRESS,
  ];
}
