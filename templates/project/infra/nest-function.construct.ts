import { Duration, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import {
  NodejsFunction,
  OutputFormat,
  type NodejsFunctionProps,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a function construct may tune; bundling stays here so every function gets the same. */
export interface NestFunctionProps extends Pick<
  NodejsFunctionProps,
  | 'description'
  | 'memorySize'
  | 'timeout'
  | 'environment'
  | 'initialPolicy'
  | 'reservedConcurrentExecutions'
  | 'deadLetterQueue'
  | 'retryAttempts'
  | 'maxEventAge'
> {
  /** Kebab-case name of the function: the bundle is made from `dist/functions/<name>.function.js`. */
  readonly name: string;
  /** The Lambda runtime, from `infra/service.config.ts`. */
  readonly runtime: Runtime;
}

/**
 * Packages that Nest loads lazily, only when an app uses them: the other transports of
 * `@nestjs/core`, the validation packages of `@nestjs/common`, the socket.io adapter of
 * `@nestjs/websockets` and the brokers' clients of `@nestjs/microservices`. esbuild follows those
 * `import()`s and fails on every package that is not installed, so the ones the service does not
 * depend on are left out of the bundle.
 */
const NEST_OPTIONAL_PACKAGES = [
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
];

// The bundle is ESM (Nest 12 is ESM-only); CommonJS dependencies bundled into it still call
// `require()` and read `__dirname`, which ESM does not define.
const CJS_SHIMS = [
  "import { createRequire as __cnlCreateRequire } from 'node:module';",
  "import { fileURLToPath as __cnlFileURLToPath } from 'node:url';",
  "import { dirname as __cnlDirname } from 'node:path';",
  'const require = __cnlCreateRequire(import.meta.url);',
  'const __filename = __cnlFileURLToPath(import.meta.url);',
  'const __dirname = __cnlDirname(__filename);',
].join(' ');

// CDK's order: the first lock file found decides the package manager that runs esbuild.
const LOCK_FILES = [
  'pnpm-lock.yaml',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
  'package-lock.json',
];

/** The service root: this file lives in `<root>/infra/`. */
const SERVICE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A Lambda function running one entry of this Nest service, bundled the way Nest needs:
 *
 * - from the tsc output (`nest build`), never from the TypeScript sources: esbuild does not emit
 *   decorator metadata, and without it Nest cannot inject constructor parameters;
 * - as ESM with class names kept, since Nest tells providers apart by name;
 * - with local esbuild, so `cdk synth` needs neither Docker nor a network;
 * - on arm64 with JSON logs into a log group that has a retention, and a role that may write to
 *   that log group only; triggers add their own permissions.
 *
 * It extends `NodejsFunction` rather than wrapping one, so it is an `IFunction` itself (grants,
 * event sources, metrics) and its CloudFormation path is `<Stack>/<Construct>/Function/Resource`.
 */
export class NestFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: NestFunctionProps) {
    const { name, runtime, environment, ...options } = props;
    const entry = join(
      SERVICE_ROOT,
      'dist',
      'functions',
      `${name}.function.js`,
    );
    if (!existsSync(entry)) {
      throw new Error(
        `${relative(process.cwd(), entry)} not found: build the service first (nest build). ` +
          'Functions are bundled from the tsc output so that decorator metadata survives.',
      );
    }
    const { projectRoot, depsLockFilePath } = findLockFile(SERVICE_ROOT);
    const manifest = readManifest(SERVICE_ROOT);

    // A function's log group and role are created beside it, in its parent: both must exist
    // before the function does, and children of the function cannot be made before it is.
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: RetentionDays.ONE_MONTH,
    });
    // Not AWSLambdaBasicExecutionRole, which may write to every log group of the account.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );

    super(scope, id, {
      memorySize: 1024,
      timeout: Duration.seconds(10),
      ...options,
      entry,
      handler: 'handler',
      runtime,
      architecture: Architecture.ARM_64,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        // The runtime kit's logger (Powertools) labels every line with it.
        POWERTOOLS_SERVICE_NAME: manifest.name,
        ...environment,
      },
      projectRoot,
      depsLockFilePath,
      bundling: {
        format: OutputFormat.ESM,
        target: runtime.name.replace(/^nodejs(\d+)\.x$/, 'node$1'),
        // ESM builds of dependencies first: less CommonJS to wrap, more to tree-shake.
        mainFields: ['module', 'main'],
        banner: CJS_SHIMS,
        minify: true,
        // Class names as written: Nest's logs and errors name providers by them, and ORMs name
        // tables after entity classes. It costs about a third of a warm invocation (every closure
        // gets its name set when created), measured with `npm run bench` in the generator.
        keepNames: true,
        sourceMap: true,
        // Stack traces need the mappings, not a copy of every source file.
        sourcesContent: false,
        // Everything else is bundled, the AWS SDK included: the version the tests ran with ships.
        externalModules: [
          ...NEST_OPTIONAL_PACKAGES.filter(
            (pkg) => manifest.dependencies[pkg] === undefined,
          ),
          // Always out: Nest loads it only for an app created without an adapter, and every
          // function runs on the kit's LambdaHttpAdapter. A `nest new` app keeps it for main.ts.
          '@nestjs/platform-express',
        ],
      },
    });

    if (runtime.name !== Runtime.NODEJS_LATEST.name) {
      Validations.of(this).acknowledge({
        id: 'AwsSolutions-L1',
        reason: `${runtime.name} is chosen in infra/service.config.ts: the Node.js line this service is built and tested on, supported by Lambda; it moves to ${Runtime.NODEJS_LATEST.name} there, together with local Node.`,
      });
    }
  }
}

function readManifest(root: string): {
  name: string;
  dependencies: Record<string, string>;
} {
  const manifest = JSON.parse(
    readFileSync(join(root, 'package.json'), 'utf8'),
  ) as { name: string; dependencies?: Record<string, string> };
  return { name: manifest.name, dependencies: manifest.dependencies ?? {} };
}

// The nearest lock file at or above the service root (above it when the service sits in a
// workspace); its directory is where esbuild runs and what the bundle's paths are relative to.
function findLockFile(start: string): {
  projectRoot: string;
  depsLockFilePath: string;
} {
  for (let dir = start; ; dir = dirname(dir)) {
    const lockFile = LOCK_FILES.find((file) => existsSync(join(dir, file)));
    if (lockFile)
      return { projectRoot: dir, depsLockFilePath: join(dir, lockFile) };
    if (dirname(dir) === dir) {
      throw new Error(
        `No lock file (${LOCK_FILES.join(', ')}) at or above ${start}: install the dependencies first.`,
      );
    }
  }
}
