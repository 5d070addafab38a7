import { readFileSync } from 'node:fs';

interface PackageJson {
  name: string;
  version: string;
  description: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/**
 * This package's own package.json. Generated projects take their dependency ranges from it, so a
 * service gets exactly the versions the runtime kit and templates were tested with here.
 */
export const generatorPackage = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
) as PackageJson;
