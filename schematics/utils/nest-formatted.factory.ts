import { posix } from 'node:path';
import {
  chain,
  externalSchematic,
  type Rule,
  type SchematicContext,
  type Tree,
} from '@angular-devkit/schematics';
import { formatNewFiles } from './format-new-files.rule.js';
import type { NestGenerateOptions } from './generate-options.js';

/**
 * `nest g module|controller|service|…` in a generated service: the schematic of the same name from
 * `@nestjs/schematics`, then the files it created or updated printed with the service's own
 * Prettier settings. Nest prints its files in its own style (no trailing commas where the
 * service's `.prettierrc` wants them), so `npm run format:check` failed right after `nest g`.
 * `collection.json` points each of Nest's file-writing schematics here.
 */
export function main(options: NestGenerateOptions): Rule {
  return (_tree: Tree, context: SchematicContext) => {
    const root = posix.dirname(posix.join('/', options.sourceRoot ?? 'src'));
    return chain([
      externalSchematic(
        '@nestjs/schematics',
        context.schematic.description.name,
        options,
      ),
      formatNewFiles(root, true),
    ]);
  };
}
