import { fileURLToPath } from 'node:url';

/** The root of this package, found from this file in `dist/bin/utils/`. */
export const PACKAGE_ROOT = fileURLToPath(
  new URL('../../../', import.meta.url),
).replace(/\/$/, '');

export const COLLECTION_PATH = `${PACKAGE_ROOT}/dist/schematics/collection.json`;
