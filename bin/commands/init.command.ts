import { type Command, Option } from 'commander';
import { initAction, type InitFlags } from '../actions/init.action.js';
import { choicesOf, readSchematicSchema } from '../utils/schematic-schema.js';

/** `create-nest-lambda init`: Lambda support for the Nest application in the current directory. */
export function registerInitCommand(program: Command): Command {
  const { runtime } = readSchematicSchema('lambda-init').properties;
  return program
    .command('init')
    .description(
      'add Lambda support to the Nest application in this directory (made by nest new)',
    )
    .addOption(
      new Option(
        '--runtime <runtime>',
        `Lambda runtime (default: ${String(runtime.default)})`,
      ).choices(choicesOf(runtime)),
    )
    .option('--skip-install', 'do not install the added dependencies')
    .option('--dry-run', 'print what would change and write nothing')
    .action((flags: InitFlags) => initAction(flags));
}
