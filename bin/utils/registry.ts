import { CliError, ExitCode } from './cli-error.js';

/** Set to a registry's URL, the CLI installs the service from it (see the README). */
export const REGISTRY_VARIABLE = 'CREATE_NEST_LAMBDA_REGISTRY';

/**
 * The registry the user asked installs to use instead of the package manager's own, or
 * undefined. A checkout of this repository is not published anywhere, so trying one means
 * publishing its packages to a local registry (`npm run sample` does) and pointing this at it.
 */
export function registryOverride(
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = env[REGISTRY_VARIABLE];
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(
      `${REGISTRY_VARIABLE} is "${value}", not a registry URL; set it to one such as http://127.0.0.1:4873/, or unset it.`,
      ExitCode.Usage,
    );
  }
  return url.href;
}

/** The environment of an install: the override, in the variables npm, pnpm and yarn each read. */
export function installEnvironment(
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const registry = registryOverride(env);
  if (registry === undefined) return env;
  return {
    ...env,
    npm_config_registry: registry,
    YARN_NPM_REGISTRY_SERVER: registry,
  };
}
