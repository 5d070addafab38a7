export interface ApplicationOptions {
  /** npm name of the service, e.g. `orders-service`. */
  name: string;
  /** Folder to create it in, relative to the workflow root. Defaults to the name without its scope. */
  directory?: string;
  /** Functions to start with: a comma-separated list of triggers, each optionally `trigger:name`, or an array of triggers. */
  triggers?: string | string[];
  /** Lambda runtime of every function: `nodejs24.x` (default) or `nodejs22.x`. */
  runtime?: string;
  /** Package manager whose lock file the CDK bundling reads. */
  packageManager?: string;
  /** Leave out the sample domain: each function is its trigger's skeleton. */
  minimal?: boolean;
  /** Replace the contents of a non-empty target folder (its `.git` is kept). */
  force?: boolean;
}
