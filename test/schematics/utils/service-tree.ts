import { virtualFs } from '@angular-devkit/core';
import { HostTree } from '@angular-devkit/schematics';
import {
  SchematicTestRunner,
  UnitTestTree,
} from '@angular-devkit/schematics/testing/index.js';
import { createRequire } from 'node:module';
import { beforeAll } from 'vitest';
import { collectionRunner } from '../../support/schematics.js';

export type Files = Record<string, string>;

/** Every file of the tree with its content. */
export function contentsOf(tree: UnitTestTree): Files {
  return Object.fromEntries(
    [...tree.files].sort().map((path) => [path, tree.readText(path)]),
  );
}

/**
 * The files of a scaffolded service at the root of the tree, as `nest g` sees them from the
 * project folder. Rendered once per test file: a scaffold takes seconds.
 */
export async function scaffoldedFiles(
  triggers = 'http-api,sqs',
  name = 'orders-service',
) {
  const tree = await collectionRunner().runSchematic('application', {
    name,
    directory: '.',
    triggers,
  });
  return contentsOf(tree);
}

/**
 * A tree whose files are already "on disk" (in the host), so a schematic run on it records only
 * its own changes, as in a real project, and `formatNewFiles` sees only the files it creates.
 */
export function projectTree(files: Files): UnitTestTree {
  return new UnitTestTree(new HostTree(new virtualFs.test.TestHost(files)));
}

/** What `useScaffoldedService` gives a test file. */
export interface ScaffoldedService {
  /** The scaffolded files; call it inside a test or hook (they exist once `beforeAll` is done). */
  service: () => Files;
  /** Runs the schematic on a project tree of `files`, the scaffolded service unless given. */
  run: (
    options: Record<string, unknown>,
    files?: Files,
  ) => Promise<UnitTestTree>;
  /** The collection's runner, for other schematics and for runs on a tree a test already holds. */
  runner: SchematicTestRunner;
}

/**
 * Scaffolds a service once for the test file (in `beforeAll`) and returns a reader of its files.
 * Call it at the top level of the test file.
 */
export function useScaffoldedFiles(triggers?: string): () => Files {
  let scaffolded: Files | undefined;

  // A scaffold takes seconds; on a busy machine more than the default hook timeout.
  beforeAll(async () => {
    scaffolded = await scaffoldedFiles(triggers);
  }, 60_000);

  return () => {
    if (!scaffolded) {
      throw new Error(
        'the service is scaffolded in beforeAll: read it in a test',
      );
    }
    return scaffolded;
  };
}

/**
 * The setup every test file of one schematic needs: scaffold a service once (in `beforeAll`) and
 * run `schematic` on copies of it. Call it at the top level of the test file.
 */
export function useScaffoldedService(
  schematic: string,
  triggers?: string,
): ScaffoldedService {
  const runner = collectionRunner();
  const service = useScaffoldedFiles(triggers);
  return {
    service,
    run: (options, files = service()) =>
      runner.runSchematic(schematic, options, projectTree(files)),
    runner,
  };
}

/** The paths `after` has and `before` had not. */
export function addedPaths(before: Files, after: UnitTestTree): string[] {
  return after.files.filter((path) => !(path in before)).sort();
}

/** The paths whose content differs between `before` and `after` (both present). */
export function changedPaths(before: Files, after: UnitTestTree): string[] {
  return after.files
    .filter((path) => path in before && before[path] !== after.readText(path))
    .sort();
}

/** What `nest new app` (Nest 12) writes, at the root of the tree, from Nest's own schematic. */
export async function nestNewFiles(): Promise<Files> {
  const require = createRequire(import.meta.url);
  const nest = new SchematicTestRunner(
    '@nestjs/schematics',
    require.resolve('@nestjs/schematics/dist/collection.json'),
  );
  const tree = await nest.runSchematic('application', {
    name: 'app',
    packageManager: 'npm',
  });
  return Object.fromEntries(
    Object.entries(contentsOf(tree)).map(([path, content]) => [
      path.replace(/^\/app\//, '/'),
      content,
    ]),
  );
}
