import { strings } from '@angular-devkit/core';
import { type Command, Option } from 'commander';
import { addAction, type AddFlags } from '../actions/add.action.js';
import {
  readSchematicSchema,
  type SchemaProperty,
} from '../utils/schematic-schema.js';

/** The schematics `add` runs; `application` and `lambda-init` have commands of their own. */
const ADDABLE = ['lambda-handler', 'request-provider', 'lambda-runtime'];

/**
 * `create-nest-lambda add <schematic> [name] [options]`: the schematics of `nest g`, with every
 * option of their schema as a flag, since `nest g` passes only its own fixed flags. The flags are
 * read from each `schema.json`, so a new option needs no change here.
 */
export function registerAddCommand(program: Command): Command {
  // The scaffold's own flags (--force, --dry-run, ...) sit on the program; without this, commander
  // would take `add x --force` as the program's --force and never hand it to the subcommand.
  program.enablePositionalOptions();
  const add = program
    .command('add')
    .description(
      'add a function, a provider or the latest runtime kit to the service in this directory',
    );
  for (const schematic of ADDABLE.map(readSchematicSchema)) {
    const command = add
      .command(schematic.name)
      .aliases(schematic.aliases)
      .description(schematic.description)
      .argument(
        // A name the schematic would prompt for is required here: add never prompts.
        schematic.required.includes('name') ||
          schematic.properties.name?.['x-prompt'] !== undefined
          ? '<name>'
          : '[name]',
        schematic.properties.name?.description ?? 'name',
      );
    for (const [property, schema] of Object.entries(schematic.properties)) {
      // Options a schematic takes from `nest g` only to accept them are marked `visible: false`.
      if (property === 'name' || schema.visible === false) continue;
      for (const option of flagsOf(property, schema)) command.addOption(option);
    }
    command
      .option('--dry-run', 'print what would change and write nothing')
      .action((name: string | undefined, flags: AddFlags) =>
        addAction(schematic.name, name, flags),
      );
  }
  return add;
}

function flagsOf(property: string, schema: SchemaProperty): Option[] {
  const flag = strings.dasherize(property);
  const description = schema.description ?? '';
  if (schema.type === 'boolean') {
    // A flag that defaults to true is turned off with --no-x, as with `nest g --no-spec`.
    return schema.default === true
      ? [new Option(`--${flag}`, description), new Option(`--no-${flag}`)]
      : [new Option(`--${flag}`, description)];
  }
  // The default is shown, not set: left undefined, the option is the schema's to fill.
  const shown =
    schema.default === undefined
      ? description
      : `${description} (default: ${String(schema.default)})`;
  const option = new Option(`--${flag} <value>`, shown);
  return [schema.enum ? option.choices(schema.enum) : option];
}
