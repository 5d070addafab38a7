import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type {
  MigrateTrigger,
  MigrationPlan,
} from '../../schematics/utils/migrate-plan.js';
import { planFromSource } from '../../schematics/utils/migrate-source.js';
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

// What migrate says besides the file list (kept here until bin/ui/messages.ts takes them).
export const MIGRATE_MESSAGES = {
  notAService: (dir: string) =>
    `${dir} is not a create-nest-lambda service (no infra/service.stack.ts); run migrate in the service, or pass --project <dir>.`,
  migrated: (count: number, source: string) =>
    `Migrated ${count} function${count === 1 ? '' : 's'} from ${source}.`,
  leftBehind: (count: number) =>
    `${count} item${count === 1 ? ' was' : 's were'} not migrated; MIGRATION.md says what and where to look.`,
  nextSteps: 'Next: npm install, then npm test and npm run synth.',
} as const;

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
  if (!existsSync(join(project, 'infra', 'service.stack.ts'))) {
    throw new CliError(
      MIGRATE_MESSAGES.notAService(relative(process.cwd(), project) || '.'),
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
  info(MIGRATE_MESSAGES.migrated(plan.functions.length, source));
  if (plan.notMigrated.length > 0)
    warn(MIGRATE_MESSAGES.leftBehind(plan.notMigrated.length));
  info(MIGRATE_MESSAGES.nextSteps);
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
