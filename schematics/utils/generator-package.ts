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
 * service gets exactly the versions the runtime and templates were tested with here.
 */
export const generatorPackage = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
) as PackageJson;

/**
 * The packages of this family, released together under one version: the generator (whose
 * collection `nest g` runs), the runtime, the CDK constructs and the dev server.
 */
export const FAMILY_PACKAGES = [
  'create-nest-lambda',
  '@create-nest-lambda/runtime',
  '@create-nest-lambda/cdk',
  '@create-nest-lambda/dev',
] as const;

/**
 * The range a generated project declares for each package it may depend on: the ranges this
 * package was tested with, and this release of the family for its own packages. Never a path.
 */
export function serviceVersions(): Record<string, string> {
  const family = Object.fromEntries(
    FAMILY_PACKAGES.map((name) => [name, `^${generatorPackage.version}`]),
  );
  return {
    ...generatorPackage.dependencies,
    ...generatorPackage.devDependencies,
    ...family,
  };
}
