import { type Command, Option } from 'commander';
import {
  DEFAULT_RUNTIME,
  RUNTIMES,
} from '../../schematics/application/normalize-options.js';
import { initAction, type InitFlags } from '../actions/init.action.js';

/** `create-nest-lambda init`: Lambda support for the Nest application in the current directory. */
export function registerInitCommand(program: Command): Command {
  return program
    .command('init')
    .description(
      'add Lambda support to the Nest application in this directory (made by nest new)',
    )
    .addOption(
      new Option(
        '--runtime <runtime>',
        `Lambda runtime (default: ${DEFAULT_RUNTIME})`,
      ).choices(RUNTIMES),
    )
    .option('--skip-install', 'do not install the added dependencies')
    .option('--dry-run', 'print what would change and write nothing')
    .action((flags: InitFlags) => initAction(flags));
}
