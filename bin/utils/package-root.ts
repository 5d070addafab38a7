import { fileURLToPath } from 'node:url';
import { sep } from 'node:path';

/** The root of this package, found from this file in `dist/bin/utils/`. */
export const PACKAGE_ROOT = fileURLToPath(
  new URL('../../../', import.meta.url),
).replace(/\/$/, '');

export const COLLECTION_PATH = `${PACKAGE_ROOT}/dist/schematics/collection.json`;

/**
 * Run from a checkout (not from an installed package), generated projects depend on that checkout
 * by path: this package is not published from here, so a version range would not install.
 */
export function isLocalCheckout(): boolean {
  return !PACKAGE_ROOT.split(sep).includes('node_modules');
}
