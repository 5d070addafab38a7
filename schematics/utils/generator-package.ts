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

/** The range this package declares for `name`, from its dependencies or devDependencies. */
export function versionOf(name: string): string {
  const range =
    generatorPackage.dependencies[name] ??
    generatorPackage.devDependencies[name];
  if (!range)
    throw new Error(`create-nest-lambda declares no version of ${name}`);
  return range;
}
