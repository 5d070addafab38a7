import type { PowertoolsFeature } from '@create-nest-lambda/cdk';

/** What a variant's environment is made from: the stores the bench started for this run. */
export interface FeatureStores {
  /** The local DynamoDB API's environment (endpoint, region, credentials). */
  readonly dynamodb: Readonly<Record<string, string>>;
  readonly idempotencyTable: string;
  /** `127.0.0.1:<port>` of the UDP socket standing in for the X-Ray daemon. */
  readonly xrayDaemon: string;
}

/** One way to run the features bench's handler: which entry, what it bundles, what it is given. */
export interface FeatureVariant {
  readonly id: string;
  readonly label: string;
  /** `orders` or `idempotent-orders` (`bench/features/<entry>.function.ts`). */
  readonly entry: 'orders' | 'idempotent-orders';
  /**
   * Optional packages bundled, as NestFunction bundles those the service depends on: a service
   * that uses a feature in one function has its package in every function's bundle.
   */
  readonly dependencies: readonly string[];
  /** The features its NestFunction has off: the construct's build leaves their packages out. */
  readonly featuresOff: readonly PowertoolsFeature[];
  /** Added to the Lambda environment, as NestFunction's options set it. */
  environment(stores: FeatureStores): Record<string, string>;
}

const NEST = ['@nestjs/common', '@nestjs/core', 'reflect-metadata', 'rxjs'];
const ALL_OFF: readonly PowertoolsFeature[] = [
  'metrics',
  'tracing',
  'idempotency',
];
const METRICS = '@aws-lambda-powertools/metrics';
const TRACER = '@aws-lambda-powertools/tracer';
const IDEMPOTENCY = '@aws-lambda-powertools/idempotency';

const metricsOn = () => ({ POWERTOOLS_METRICS_NAMESPACE: 'Bench' });
// What Lambda sets with active tracing, and NestFunction's `tracing: true`.
const tracingOn = (stores: FeatureStores) => ({
  POWERTOOLS_TRACE_ENABLED: 'true',
  LAMBDA_TASK_ROOT: '/var/task',
  AWS_XRAY_DAEMON_ADDRESS: stores.xrayDaemon,
  _X_AMZN_TRACE_ID:
    'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=557abcec3ee5a047;Sampled=1',
});
const idempotencyOn = (stores: FeatureStores) => ({
  ...stores.dynamodb,
  IDEMPOTENCY_TABLE_NAME: stores.idempotencyTable,
});

/** Off (without and with the packages in the bundle), each feature on, then all of them. */
export const FEATURE_VARIANTS: readonly FeatureVariant[] = [
  {
    id: 'features-off',
    label: 'all off, no Powertools package bundled',
    entry: 'orders',
    dependencies: NEST,
    featuresOff: ALL_OFF,
    environment: () => ({}),
  },
  {
    id: 'features-off-bundled',
    // A service where another function uses them, as NestFunction bundled it before it left the
    // packages of the features a function has off out of its bundle: the before of that change.
    label: 'all off, the three packages bundled (before)',
    entry: 'orders',
    dependencies: [...NEST, METRICS, TRACER, IDEMPOTENCY],
    featuresOff: [],
    environment: () => ({}),
  },
  {
    id: 'features-off-in-service',
    label: 'all off, the service depends on the three',
    entry: 'orders',
    dependencies: [...NEST, METRICS, TRACER, IDEMPOTENCY],
    featuresOff: ALL_OFF,
    environment: () => ({}),
  },
  {
    id: 'metrics-on',
    label: 'metrics on',
    entry: 'orders',
    dependencies: [...NEST, METRICS],
    featuresOff: ['tracing', 'idempotency'],
    environment: metricsOn,
  },
  {
    id: 'tracing-on',
    label: 'tracing on',
    entry: 'orders',
    dependencies: [...NEST, TRACER],
    featuresOff: ['metrics', 'idempotency'],
    environment: tracingOn,
  },
  {
    id: 'idempotency-on',
    label: 'idempotency on (@Idempotent, dynalite)',
    entry: 'idempotent-orders',
    dependencies: [...NEST, IDEMPOTENCY],
    featuresOff: ['metrics', 'tracing'],
    environment: idempotencyOn,
  },
  {
    id: 'all-on',
    label: 'all three on',
    entry: 'idempotent-orders',
    dependencies: [...NEST, METRICS, TRACER, IDEMPOTENCY],
    featuresOff: [],
    environment: (stores) => ({
      ...metricsOn(),
      ...tracingOn(stores),
      ...idempotencyOn(stores),
    }),
  },
];
