import { type Command, Option } from 'commander';
import { newAction, type NewCommandOptions } from '../actions/new.action.js';
import { choicesOf, readSchematicSchema } from '../utils/schematic-schema.js';

/** `create-nest-lambda [name] [options]`: the default command, which scaffolds a service. */
export function registerNewCommand(program: Command): Command {
  // Choices and defaults come from the application schematic's schema, which validates them.
  const { triggers, runtime, packageManager } =
    readSchematicSchema('application').properties;
  return program
    .argument('[name]', 'npm name of the service, e.g. orders-service')
    .option(
      '--triggers <list>',
      `comma-separated functions to start with, each <trigger> or <trigger>:<name>: ${choicesOf(triggers).join(', ')} (default: ${String(triggers.default)})`,
    )
    .option(
      '--minimal',
      'no sample domain (orders, order-events, correlation): each function is a skeleton named after its trigger',
    )
    .option('--directory <dir>', 'where to create it (default: ./<name>)')
    .addOption(
      new Option(
        '--runtime <runtime>',
        `Lambda runtime (default: ${String(runtime.default)})`,
      ).choices(choicesOf(runtime)),
    )
    .addOption(
      new Option(
        '--package-manager <pm>',
        'package manager (default: the one that launched this, else npm)',
      ).choices(choicesOf(packageManager)),
    )
    .option('--skip-install', 'do not install dependencies')
    .option('--skip-git', 'do not create a git repository')
    .option('--dry-run', 'print what would be created and write nothing')
    .option('--force', 'replace the contents of a non-empty target directory')
    .option('-y, --yes', 'take every default and never prompt')
    .action((name: string | undefined, options: NewCommandOptions) =>
      newAction(name, options),
    );
}
