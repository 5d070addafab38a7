import type { Scenario } from '../scenarios.js';

/** A function ready to run: its bundle copied alone into a folder outside the repository. */
export interface BuiltFunction {
  readonly scenario: Scenario;
  /** `<tmp>/<scenario id>/index.mjs`; nothing beside it, so no package can resolve from disk. */
  readonly bundle: string;
}
