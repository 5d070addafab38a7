#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { generatorPackage } from '../schematics/utils/generator-package.js';
import { registerAddCommand } from './commands/add.command.js';
import { registerInitCommand } from './commands/init.command.js';
import { registerMigrateCommand } from './commands/migrate.command.js';
import { registerNewCommand } from './commands/new.command.js';
import { MESSAGES } from './ui/messages.js';
import { error } from './ui/output.js';
import { CliError, ExitCode } from './utils/cli-error.js';

const program = new Command('create-nest-lambda')
  .description(generatorPackage.description)
  .version(generatorPackage.version)
  // Commander exits 1 on a bad flag; route its errors here to keep 2 for usage and 0 for help.
  .exitOverride()
  .configureOutput({ outputError: () => undefined });
registerNewCommand(program);
registerAddCommand(program);
registerInitCommand(program);
registerMigrateCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (caught) {
  process.exitCode = exitCodeOf(caught);
}

function exitCodeOf(caught: unknown): number {
  if (caught instanceof CommanderError) {
    if (caught.exitCode === 0) return ExitCode.Ok;
    // A command run without its subcommand (`add`) has printed its help: that is the message.
    if (caught.code !== 'commander.help') error(MESSAGES.usage(caught.message));
    return ExitCode.Usage;
  }
  if (caught instanceof Error && caught.name === 'ExitPromptError') {
    error(MESSAGES.cancelled);
    return ExitCode.Cancelled;
  }
  if (caught instanceof CliError) {
    error(caught.message);
    return caught.exitCode;
  }
  error(
    caught instanceof Error ? (caught.stack ?? caught.message) : String(caught),
  );
  return ExitCode.Failed;
}
