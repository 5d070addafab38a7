import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { MigrateTrigger } from '../../schematics/migrate/plan/plan.js';
import { STACK_FILE } from '../../schematics/utils/project-paths.js';
import { MESSAGES } from '../ui/messages.js';
import { info } from '../ui/output.js';
import { printChanges } from '../ui/print-changes.js';
import { CliError, ExitCode } from '../utils/cli-error.js';
import { type FileChange, runSchematic } from '../utils/schematic-runner.js';

export interface MigrateFlags {
  project?: string;
  name?: string;
  type?: MigrateTrigger;
  dryRun?: boolean;
  force?: boolean;
}

/**
 * Runs the migrate schematic on the service: it reads and plans the source once, says what it
 * decided on the user's behalf (an inferred trigger, the stage) and what it leaves behind, and
 * writes all files or none (nothing with --dry-run). A bad source is its usage error.
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
  const options = Object.fromEntries(
    Object.entries({
      source,
      cwd: process.cwd(),
      projectDir: project,
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
  info(MESSAGES.migrate.migrated(entries(changes), source));
  info(MESSAGES.migrate.nextSteps);
}

/** Each migrated function has one Lambda entry, `src/functions/<fn>.function.ts`. */
function entries(changes: FileChange[]): number {
  return changes.filter(
    (change) =>
      change.kind !== 'delete' &&
      /(^|[\\/])functions[\\/][^\\/]+\.function\.ts$/.test(change.path),
  ).length;
}
