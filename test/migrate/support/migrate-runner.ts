import { SchematicTestRunner } from '@angular-devkit/schematics/testing/index.js';
import type { UnitTestTree } from '@angular-devkit/schematics/testing/index.js';
import { fileURLToPath } from 'node:url';
import {
  projectTree,
  type Files,
} from '../../schematics/utils/service-tree.js';

/** The legacy fixtures, the folder migrate sources are given relative to in these tests. */
export const LEGACY = fileURLToPath(
  new URL('../../fixtures/legacy/', import.meta.url),
);

const runner = new SchematicTestRunner(
  'create-nest-lambda-migrate',
  fileURLToPath(new URL('./migrate-collection.json', import.meta.url)),
);

/**
 * Runs the built migrate schematic on a service whose files are `files`. The service is not
 * installed (its projectDir has no node_modules), so the build check has nothing to check against.
 */
export function migrate(
  files: Files,
  options: Record<string, unknown>,
): Promise<UnitTestTree> {
  return runner.runSchematic(
    'migrate',
    { cwd: LEGACY, projectDir: LEGACY, ...options },
    projectTree(files),
  );
}

/** Runs the built migrate schematic on a tree the test built (a real folder, say). */
export function migrateTree(
  tree: UnitTestTree,
  options: Record<string, unknown>,
): Promise<UnitTestTree> {
  return runner.runSchematic('migrate', { cwd: LEGACY, ...options }, tree);
}
