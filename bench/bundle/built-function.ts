import type { PowertoolsFeature } from '@create-nest-lambda/cdk';
import type { Scenario } from '../scenarios.js';

/** What a bundle was made from, to make it again (with a metafile) and see what it holds. */
export interface BundleSource {
  /** The tsc output esbuild started from. */
  readonly entry: string;
  readonly projectRoot: string;
  readonly dependencies: readonly string[];
  readonly target: string;
  /** Built by the construct (its plugins too), rather than with its settings alone (the baselines). */
  readonly construct: boolean;
  /** The Powertools features its NestFunction has off (the construct's build leaves them out). */
  readonly featuresOff: readonly PowertoolsFeature[];
}

/** A function ready to run: its bundle copied alone into a folder outside the repository. */
export interface BuiltFunction {
  readonly scenario: Scenario;
  /** `<tmp>/<scenario id>/index.mjs`; nothing beside it, so no package can resolve from disk. */
  readonly bundle: string;
  readonly source: BundleSource;
}
