import { SchematicTestRunner } from '@angular-devkit/schematics/testing/index.js';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

/** Runs this package's built collection, as `nest g` and the CLI do. */
export function collectionRunner(): SchematicTestRunner {
  return new SchematicTestRunner(
    'create-nest-lambda',
    join(REPO_ROOT, 'dist/schematics/collection.json'),
  );
}
