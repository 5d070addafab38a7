import { posix } from 'node:path';
import {
  chain,
  MergeStrategy,
  mergeWith,
  type Rule,
  type Tree,
} from '@angular-devkit/schematics';
import { renderConstruct } from './render/render-construct.js';
import type { ResourceKind } from './plan/plan.js';
import { renderTemplates } from '../utils/render-templates.js';
import type { MigratedFunction, MigrationInput } from './normalize-options.js';
import { writeFile } from './write-file.js';

/** Every file one migrated function adds: legacy copy, handler, module, entry, construct, event, test. */
export function writeFunctions(
  input: MigrationInput,
  resources: Map<string, ResourceKind>,
  resourcesModule: string,
): Rule {
  return chain(
    input.functions.map((migrated) =>
      chain([
        copyLegacy(input, migrated),
        mergeWith(
          renderTemplates(
            'migrate/function',
            {
              name: migrated.fn.name,
              className: migrated.className,
              exportName: migrated.fn.handler.exportName,
              entry: migrated.sources.entry,
              origin: migrated.origin,
            },
            input.root,
          ),
          input.force ? MergeStrategy.Overwrite : MergeStrategy.Default,
        ),
        (tree: Tree) => {
          const at = (path: string) => posix.join(input.root, path);
          writeFile(
            tree,
            at(`infra/functions/${migrated.fn.name}.construct.ts`),
            renderConstruct({
              fn: migrated.fn,
              className: migrated.className,
              origin: migrated.origin,
              resources,
              resourcesModule,
            }),
          );
          writeFile(
            tree,
            at(`test/events/${migrated.fn.name}.json`),
            migrated.sample.text,
          );
        },
      ]),
    ),
  );
}

/**
 * The legacy module and the local files it loads, byte for byte, under `src/legacy/<name>/`, and a
 * package.json that keeps their module format. With --force, an earlier copy is removed first so
 * that no stale file of it survives.
 */
function copyLegacy(input: MigrationInput, migrated: MigratedFunction): Rule {
  return (tree: Tree) => {
    const dir = posix.join(input.root, 'src', 'legacy', migrated.fn.name);
    if (input.force) tree.getDir(dir).visit((path) => tree.delete(path));
    for (const file of migrated.sources.files) {
      tree.create(
        posix.join(dir, file.path),
        legacyContent(file.path, file.content),
      );
    }
    const marker = posix.join(dir, 'package.json');
    if (!tree.exists(marker)) {
      tree.create(
        marker,
        `${JSON.stringify({ type: migrated.sources.moduleType }, null, 2)}\n`,
      );
    }
  };
}

const NO_CHECK =
  '// @ts-nocheck: legacy code, built as it was before the migration (not type-checked under the service tsconfig).\n';

/**
 * Legacy TypeScript was checked (if at all) under its own tsconfig; under the service's strict one
 * it fails `nest build` (`'e' is of type 'unknown'`, `possibly 'null'`, packages without types).
 * `@ts-nocheck` keeps it building as before; everything else is copied byte for byte.
 */
export function legacyContent(path: string, content: Buffer): Buffer {
  if (!/\.[cm]?ts$/.test(path) || /\.d\.[cm]?ts$/.test(path)) return content;
  const text = content.toString('utf8');
  if (/^(#![^\n]*\n)?\/\/ @ts-nocheck/.test(text)) return content;
  const shebang = /^#![^\n]*\n/.exec(text)?.[0] ?? '';
  return Buffer.from(shebang + NO_CHECK + text.slice(shebang.length), 'utf8');
}

/** Paths of the files this run generates for a function (TypeScript and its sample event), to format them. */
export function generatedPaths(input: MigrationInput): string[] {
  return input.functions.flatMap(({ fn }) =>
    [
      `src/${fn.name}/${fn.name}.handler.ts`,
      `src/${fn.name}/${fn.name}.module.ts`,
      `src/functions/${fn.name}.function.ts`,
      `infra/functions/${fn.name}.construct.ts`,
      `test/functions/${fn.name}.legacy.spec.ts`,
      // The sample event too: the service's format:check covers test/events.
      `test/events/${fn.name}.json`,
    ].map((path) => posix.join(input.root, path)),
  );
}
