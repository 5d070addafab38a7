import type { Rule, SchematicContext } from '@angular-devkit/schematics';
import type { MigrationInput } from './normalize-options.js';

/**
 * Says what the run decided on the user's behalf (an inferred trigger, the stage) and how much it
 * leaves behind, from the one plan the schematic made: the CLI prints the logger's lines, and
 * `nest g migrate` does too.
 */
export function announce(input: MigrationInput): Rule {
  return (_tree, context: SchematicContext) => {
    for (const note of input.plan.notes) {
      context.logger.info(`${note.subject}: ${note.detail}`);
    }
    const left = input.plan.notMigrated.length + input.extra.length;
    if (left > 0) {
      context.logger.warn(
        `${left} item${left === 1 ? ' is' : 's are'} not migrated; MIGRATION.md says what and where to look.`,
      );
    }
  };
}
