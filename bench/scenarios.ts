/** What feeds a function: an SQS batch or an API Gateway HTTP API request. */
export type TriggerKind = 'sqs' | 'http';

/** Who built it: the bench's own baselines, or the runtime kit in the generated service. */
export type Family = 'plain' | 'seed' | 'express' | 'kit';

export interface Scenario {
  readonly id: string;
  readonly label: string;
  readonly family: Family;
  readonly trigger: TriggerKind;
}

export interface KitScenario extends Scenario {
  readonly family: 'kit';
  /** Function name in the generated service (`src/functions/<name>.function.ts`). */
  readonly functionName: string;
  /** Its construct id, so its CDK path is `BenchStack/<className>/Function/Resource`. */
  readonly className: string;
}

export interface BaselineScenario extends Scenario {
  readonly family: 'plain' | 'seed' | 'express';
  /** Packages it depends on: the optional Nest packages among them are bundled. */
  readonly dependencies: readonly string[];
}

const NEST = ['@nestjs/common', '@nestjs/core', 'reflect-metadata', 'rxjs'];

export const BASELINES: readonly BaselineScenario[] = [
  {
    id: 'plain-sqs',
    label: 'plain handler',
    family: 'plain',
    trigger: 'sqs',
    dependencies: [],
  },
  {
    id: 'seed-sqs',
    label: 'seed (context + resolve)',
    family: 'seed',
    trigger: 'sqs',
    dependencies: NEST,
  },
  {
    id: 'plain-http',
    label: 'plain handler',
    family: 'plain',
    trigger: 'http',
    dependencies: [],
  },
  {
    id: 'seed-http',
    label: 'seed (context + resolve)',
    family: 'seed',
    trigger: 'http',
    dependencies: NEST,
  },
  {
    id: 'express-http',
    label: 'Nest + express + serverless-express',
    family: 'express',
    trigger: 'http',
    dependencies: [
      ...NEST,
      '@nestjs/platform-express',
      'express',
      '@codegenie/serverless-express',
      'class-validator',
      'class-transformer',
    ],
  },
];

const kit = (
  trigger: TriggerKind,
  graph: 'singleton' | 'request',
): KitScenario => {
  const functionName = `bench-${trigger}-${graph}`;
  return {
    id: `kit-${trigger}-${graph}`,
    label: `kit, ${graph === 'singleton' ? 'singleton' : 'request-scoped'} + pipeline`,
    family: 'kit',
    trigger,
    functionName,
    className: functionName
      .split('-')
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join(''),
  };
};

export const KIT_SCENARIOS: readonly KitScenario[] = [
  kit('sqs', 'singleton'),
  kit('sqs', 'request'),
  kit('http', 'singleton'),
  kit('http', 'request'),
];

/** Every function, in the order of the tables: SQS first, then HTTP. */
export const SCENARIOS: readonly Scenario[] = [
  ...[...BASELINES, ...KIT_SCENARIOS].filter((s) => s.trigger === 'sqs'),
  ...[...BASELINES, ...KIT_SCENARIOS].filter((s) => s.trigger === 'http'),
];
