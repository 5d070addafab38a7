import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type {
  MigrateTrigger,
  MigrationPlan,
} from '../../schematics/utils/migrate-plan.js';
import { planFromSource } from '../../schematics/utils/migrate-source.js';
import { STACK_FILE } from '../../schematics/utils/project-paths.js';
import { MESSAGES } from '../ui/messages.js';
import { info, warn } from '../ui/output.js';
import { printChanges } from '../ui/print-changes.js';
import { CliError, ExitCode } from '../utils/cli-error.js';
import { runSchematic } from '../utils/schematic-runner.js';

export interface MigrateFlags {
  project?: string;
  name?: string;
  type?: MigrateTrigger;
  dryRun?: boolean;
  force?: boolean;
}

/**
 * Reads and plans the source first (so a bad source fails before anything else, with one line),
 * says what it decided on the user's behalf (an inferred trigger, the stage), then runs the
 * migrate schematic on the service: all files or none, and nothing with --dry-run.
 */
export async function migrateAction(
  source: string,
  flags: MigrateFlags,
): Promise<void> {
  const project = resolve(flags.project ?? '.');
  if (!existsSync(join(project, STACK_FILE))) {
    throw new CliError(
      MESSAGES.migrate.notAService(relative(process.cwd(), project) || '.'),
      ExitCode.Usage,
    );
  }
  const plan = readPlan(source, flags);
  for (const note of plan.notes) info(`${note.subject}: ${note.detail}`);
  const options = Object.fromEntries(
    Object.entries({
      source,
      cwd: process.cwd(),
      name: flags.name,
      type: flags.type,
      force: flags.force,
    }).filter(([, value]) => value !== undefined),
  );
  const changes = await runSchematic({
    schematic: 'migrate',
    options,
    root: project,
    dryRun: Boolean(flags.dryRun),
    force: Boolean(flags.force),
  });
  printChanges(changes);
  if (flags.dryRun) {
    info(MESSAGES.dryRun);
    return;
  }
  info(MESSAGES.migrate.migrated(plan.functions.length, source));
  if (plan.notMigrated.length > 0)
    warn(MESSAGES.migrate.leftBehind(plan.notMigrated.length));
  info(MESSAGES.migrate.nextSteps);
}

function readPlan(source: string, flags: MigrateFlags): MigrationPlan {
  try {
    return planFromSource({
      source,
      cwd: process.cwd(),
      ...(flags.name === undefined ? {} : { name: flags.name }),
      ...(flags.type === undefined ? {} : { type: flags.type }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(
      message.endsWith('.') ? message : `${message}.`,
      ExitCode.Usage,
    );
  }
}
