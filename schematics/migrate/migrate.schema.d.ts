import type { NestGenerateOptions } from '../utils/generate-options.js';
import type { MigrateTrigger } from './plan/plan.js';

export interface MigrateOptions extends NestGenerateOptions {
  /** A handler (`file.js#export`, `file.export`), a serverless.yml, or a SAM/CloudFormation template. */
  source: string;
  /** Folder `source` is relative to (the user's current directory); the service root by default. */
  cwd?: string;
  /** The service's folder on disk, for its installed packages; the current directory by default. */
  projectDir?: string;
  /** Name of the migrated handler's function; for a template, which functions to migrate. */
  name?: string;
  /** Trigger of a handler; inferred when left out. */
  type?: MigrateTrigger;
  /** Replace functions of the same names. */
  force?: boolean;
}
