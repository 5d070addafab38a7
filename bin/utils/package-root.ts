import { fileURLToPath } from 'node:url';
import { sep } from 'node:path';
import { generatorPackage } from '../../schematics/utils/generator-package.js';

/** The root of this package, found from this file in `dist/bin/utils/`. */
export const PACKAGE_ROOT = fileURLToPath(
  new URL('../../../', import.meta.url),
).replace(/\/$/, '');

export const COLLECTION_PATH = `${PACKAGE_ROOT}/dist/schematics/collection.json`;

/**
 * How a generated project depends on this package. Run from a checkout (not from an installed
 * package), it depends on that checkout by path: this package is not published from here, so a
 * version range would not install.
 */
export function generatorSpec(): string {
  const installed = PACKAGE_ROOT.split(sep).includes('node_modules');
  return installed ? `^${generatorPackage.version}` : `file:${PACKAGE_ROOT}`;
}
