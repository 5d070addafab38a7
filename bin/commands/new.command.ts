import { type Command, Option } from 'commander';
import {
  DEFAULT_RUNTIME,
  PACKAGE_MANAGERS,
  RUNTIMES,
} from '../../schematics/application/normalize-options.js';
import { TRIGGERS } from '../../schematics/utils/triggers.js';
import { newAction, type NewCommandOptions } from '../actions/new.action.js';

/** `create-nest-lambda [name] [options]`: the default command, which scaffolds a service. */
export function registerNewCommand(program: Command): Command {
  return program
    .argument('[name]', 'npm name of the service, e.g. orders-service')
    .option(
      '--triggers <list>',
      `comma-separated functions to start with: ${TRIGGERS.join(', ')}`,
    )
    .option('--directory <dir>', 'where to create it (default: ./<name>)')
    .addOption(
      new Option(
        '--runtime <runtime>',
        `Lambda runtime: ${RUNTIMES.join(', ')} (default: ${DEFAULT_RUNTIME})`,
      ),
    )
    .addOption(
      new Option(
        '--package-manager <pm>',
        `${PACKAGE_MANAGERS.join(', ')} (default: the one that launched this, else npm)`,
      ),
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
