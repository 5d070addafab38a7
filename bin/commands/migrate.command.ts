import { type Command, Option } from 'commander';
import { MIGRATE_TRIGGERS } from '../../schematics/migrate/plan/plan.js';
import { migrateAction, type MigrateFlags } from '../actions/migrate.action.js';

/** `create-nest-lambda migrate <source>`: legacy Lambda functions into the service, piece by piece. */
export function registerMigrateCommand(program: Command): Command {
  // The scaffold's --force and --dry-run sit on the program; this hands them to the subcommand.
  program.enablePositionalOptions();
  return program
    .command('migrate')
    .description(
      'move legacy Lambda functions (a handler file, a serverless.yml or a SAM template) into the service, answering as before',
    )
    .argument(
      '<source>',
      'path/to/file.js#export or path/to/file.export, serverless.yml, or a SAM/CloudFormation template',
    )
    .option(
      '--project <dir>',
      'the service to migrate into (default: the current directory)',
    )
    .option(
      '--name <name>',
      "name of the migrated function (default: the export's or file's name); for a template, the functions to migrate, comma-separated, each renamed with old=new (delete=delete-item)",
    )
    .addOption(
      new Option(
        '--type <trigger>',
        "a handler's trigger (default: from the template, else inferred from the handler, else invoke)",
      ).choices(MIGRATE_TRIGGERS),
    )
    .option('--dry-run', 'print what would be written and write nothing')
    .option(
      '--force',
      'replace a function of the same name that the service already has',
    )
    .action((source: string, flags: MigrateFlags) =>
      migrateAction(source, flags),
    );
}
