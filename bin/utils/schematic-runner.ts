import { UnsuccessfulWorkflowExecution } from '@angular-devkit/schematics';
import { NodeWorkflow } from '@angular-devkit/schematics/tools/index.js';
import { logging } from '@angular-devkit/core';
import { relative, resolve } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { info, warn } from '../ui/output.js';
import { CliError, ExitCode } from './cli-error.js';
import { COLLECTION_PATH, PACKAGE_ROOT } from './package-root.js';

export interface FileChange {
  kind: 'create' | 'update' | 'delete' | 'rename';
  /** Path relative to the current directory, as the user would type it. */
  path: string;
  bytes?: number;
  to?: string;
}

export interface RunSchematicOptions {
  schematic: string;
  options: Record<string, unknown>;
  /** Folder the schematic's tree is rooted at. */
  root: string;
  dryRun: boolean;
  force?: boolean;
}

/**
 * Runs one schematic of this package's collection on the real file system. Nothing is written
 * unless every rule succeeds (the workflow commits the whole tree at the end), and with `dryRun`
 * nothing is written at all. Returns the changes, in the order the workflow reported them.
 */
export async function runSchematic(
  run: RunSchematicOptions,
): Promise<FileChange[]> {
  const workflow = new NodeWorkflow(run.root, {
    dryRun: run.dryRun,
    force: run.force ?? false,
    resolvePaths: [PACKAGE_ROOT],
    schemaValidation: true,
  });
  const changes: FileChange[] = [];
  const conflicts: string[] = [];
  const display = (path: string) =>
    relative(process.cwd(), resolve(run.root, `.${path}`));
  workflow.reporter.subscribe((event) => {
    if (event.kind === 'error') {
      const problem =
        event.description === 'alreadyExist'
          ? 'already exists'
          : 'does not exist';
      conflicts.push(`${display(event.path)} ${problem}`);
    } else if (event.kind === 'rename') {
      changes.push({
        kind: 'rename',
        path: display(event.path),
        to: display(event.to),
      });
    } else if (event.kind === 'delete') {
      changes.push({ kind: 'delete', path: display(event.path) });
    } else {
      changes.push({
        kind: event.kind,
        path: display(event.path),
        bytes: event.content.byteLength,
      });
    }
  });

  try {
    await lastValueFrom(
      workflow.execute({
        collection: COLLECTION_PATH,
        schematic: run.schematic,
        options: run.options,
        allowPrivate: true,
        logger: schematicLogger(),
      }),
      { defaultValue: undefined },
    );
  } catch (error) {
    if (
      error instanceof UnsuccessfulWorkflowExecution &&
      conflicts.length > 0
    ) {
      throw new CliError(
        `${conflicts[0]}; nothing was written. Pass --force to overwrite it.`,
        ExitCode.Usage,
      );
    }
    throw toCliError(error);
  }
  return changes;
}

// SchematicsException is how factories refuse their input: a usage error, already one line.
function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  const err = error instanceof Error ? error : new Error(String(error));
  const usage = err.constructor.name === 'SchematicsException';
  const message = err.message.endsWith('.') ? err.message : `${err.message}.`;
  return new CliError(message, usage ? ExitCode.Usage : ExitCode.Failed);
}

/** What schematics say through `context.logger`: notes to stdout, warnings and errors to stderr. */
function schematicLogger(): logging.Logger {
  const logger = new logging.Logger('create-nest-lambda');
  logger.subscribe((entry) => {
    if (entry.level === 'info') info(entry.message);
    else if (entry.level !== 'debug') warn(entry.message);
  });
  return logger;
}
