import { Duration, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
  type FunctionProps,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { externalModules } from './bundling.js';
import { functionCode } from './local-esbuild.js';
import {
  POWERTOOLS_FEATURES,
  type PowertoolsFeature,
} from './powertools-features.plugin.js';
import {
  IDEMPOTENCY_TABLE_ENV,
  idempotencyTableOf,
} from './idempotency-table.js';
import { readService } from './service-root.js';

/** What a function construct may tune; bundling stays here so every function gets the same. */
export interface NestFunctionProps extends Pick<
  FunctionProps,
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
  /**
   * The folder of the service's `package.json`. Default: the nearest one at or above the current
   * directory, which is the service root when `cdk` or the tests run there.
   */
  readonly serviceRoot?: string;
  /**
   * X-Ray active tracing: the runtime then loads Powertools' `Tracer` (injectable) and opens a
   * subsegment per handler method and route. Default: off.
   */
  readonly tracing?: boolean;
  /**
   * CloudWatch metrics in embedded metric format under `namespace`: the runtime then provides
   * Powertools' `Metrics` (injectable), flushed after every invocation. Default: off.
   */
  readonly metrics?: { readonly namespace: string };
  /**
   * The service's idempotency table (one per stack, shared by the functions that ask for it), with
   * read and write access to it, for `@Idempotent()` methods. Default: off.
   */
  readonly idempotency?: boolean;
  /**
   * How long `cdk synth` waits for this function's bundle before it stops with an error naming
   * the function. Default: 5 minutes.
   */
  readonly bundlingTimeout?: Duration;
}

/**
 * A Lambda function running one entry of this Nest service, bundled the way Nest needs:
 *
 * - from the tsc output (`nest build`), never from the TypeScript sources: esbuild does not emit
 *   decorator metadata, and without it Nest cannot inject constructor parameters;
 * - as ESM with class names kept, since Nest tells providers apart by name;
 * - with the service's esbuild, run by the construct itself (`bundle-function.ts`), so `cdk synth`
 *   needs neither Docker nor a network, and the build can take plugins: CDK's `NodejsFunction` runs
 *   esbuild's CLI, which takes none, and every function then bundled all of class-validator;
 * - on arm64 with JSON logs into a log group that has a retention, and a role that may write to
 *   that log group only; triggers add their own permissions.
 *
 * It extends `Function` rather than wrapping one, so it is an `IFunction` itself (grants, event
 * sources, metrics) and its CloudFormation path is `<Stack>/<Construct>/Function/Resource`.
 */
export class NestFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: NestFunctionProps) {
    const {
      name,
      runtime,
      environment,
      serviceRoot,
      tracing,
      metrics,
      idempotency,
      bundlingTimeout,
      ...options
    } = props;
    const service = readService(serviceRoot);
    const entry = join(
      service.root,
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
      runtime,
      architecture: Architecture.ARM_64,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      // Active tracing also gives the role xray:PutTraceSegments and xray:PutTelemetryRecords.
      ...(tracing && { tracing: Tracing.ACTIVE }),
      environment: {
        // The runtime's logger (Powertools) labels every line with it.
        POWERTOOLS_SERVICE_NAME: service.name,
        ...(metrics && { [FEATURE_ENV.metrics]: metrics.namespace }),
        ...(tracing && { [FEATURE_ENV.tracing]: 'true' }),
        ...environment,
      },
      code: functionCode(
        name,
        {
          entry,
          target: runtime.name.replace(/^nodejs(\d+)\.x$/, 'node$1'),
          projectRoot: service.projectRoot,
          external: externalModules(service.dependencies),
          featuresOff: featuresOff(
            {
              metrics: !!metrics,
              tracing: !!tracing,
              idempotency: !!idempotency,
            },
            environment,
          ),
        },
        bundlingTimeout?.toSeconds(),
      ),
      handler: 'index.handler',
    });

    if (idempotency) {
      const table = idempotencyTableOf(this);
      // What Powertools' DynamoDB persistence layer calls, on this table only.
      table.grant(
        this,
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
      );
      this.addEnvironment(FEATURE_ENV.idempotency, table.tableName);
    }
    if (tracing) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'xray:PutTraceSegments and xray:PutTelemetryRecords, added by active tracing, support no resource-level permissions: AWS documents "*" as their only resource.',
      });
    }
    if (runtime.name !== Runtime.NODEJS_LATEST.name) {
      Validations.of(this).acknowledge({
        id: 'AwsSolutions-L1',
        reason: `${runtime.name} is chosen in infra/service.config.ts: the Node.js line this service is built and tested on, supported by Lambda; it moves to ${Runtime.NODEJS_LATEST.name} there, together with local Node.`,
      });
    }
  }
}

/** The variable each feature's runtime code reads: set in `environment`, the feature stays in. */
const FEATURE_ENV: Record<PowertoolsFeature, string> = {
  metrics: 'POWERTOOLS_METRICS_NAMESPACE',
  tracing: 'POWERTOOLS_TRACE_ENABLED',
  idempotency: IDEMPOTENCY_TABLE_ENV,
};

/** The Powertools features this function has off, by its options and its environment. */
function featuresOff(
  on: Record<PowertoolsFeature, boolean>,
  environment: Readonly<Record<string, string>> | undefined,
): PowertoolsFeature[] {
  return (Object.keys(POWERTOOLS_FEATURES) as PowertoolsFeature[]).filter(
    (feature) =>
      !on[feature] && environment?.[FEATURE_ENV[feature]] === undefined,
  );
}
