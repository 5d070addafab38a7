import { basename, dirname, relative, resolve } from 'node:path';
import {
  DEFAULT_RUNTIME,
  normalizeApplicationOptions,
  PACKAGE_MANAGERS,
  parsePackageManager,
  parseRuntime,
  parseTriggers,
  RUNTIMES,
} from '../../schematics/application/normalize-options.js';
import { validateServiceName } from '../../schematics/utils/names.js';
import { DEFAULT_TRIGGERS, TRIGGERS } from '../../schematics/utils/triggers.js';
import { MESSAGES } from '../ui/messages.js';
import { info } from '../ui/output.js';
import { printChanges } from '../ui/print-changes.js';
import { CliError, ExitCode } from '../utils/cli-error.js';
import { initGitRepository } from '../utils/git.js';
import { isInteractive } from '../utils/is-interactive.js';
import {
  detectPackageManager,
  installDependencies,
} from '../utils/package-manager.js';
import { askScaffoldQuestions } from '../utils/prompts.js';
import { registryOverride } from '../utils/registry.js';
import { runSchematic } from '../utils/schematic-runner.js';

export interface NewCommandOptions {
  triggers?: string;
  directory?: string;
  runtime?: string;
  packageManager?: string;
  skipInstall?: boolean;
  skipGit?: boolean;
  dryRun?: boolean;
  force?: boolean;
  yes?: boolean;
}

export async function newAction(
  nameArg: string | undefined,
  flags: NewCommandOptions,
) {
  // Flags are checked before anything is asked, so a typo fails at once with exit code 2.
  if (!flags.skipInstall) registryOverride();
  const flaggedTriggers = usage(() => {
    if (nameArg !== undefined) validateServiceName(nameArg);
    if (flags.runtime !== undefined) parseRuntime(flags.runtime);
    if (flags.packageManager !== undefined)
      parsePackageManager(flags.packageManager);
    return flags.triggers === undefined
      ? undefined
      : parseTriggers(flags.triggers);
  });
  const interactive = isInteractive(flags.yes);
  if (nameArg === undefined && !interactive)
    throw new CliError(MESSAGES.missingName, ExitCode.Usage);

  const answers = interactive
    ? await askScaffoldQuestions({
        askName: nameArg === undefined,
        askTriggers: flaggedTriggers === undefined,
        askRuntime: flags.runtime === undefined,
        askPackageManager: flags.packageManager === undefined,
        triggerChoices: TRIGGERS,
        defaultTriggers: DEFAULT_TRIGGERS,
        runtimeChoices: RUNTIMES,
        defaultRuntime: DEFAULT_RUNTIME,
        packageManagerChoices: PACKAGE_MANAGERS,
        defaultPackageManager: detectPackageManager(),
        validateName: (name) => tryMessage(() => validateServiceName(name)),
      })
    : {};

  const name = nameArg ?? answers.name ?? '';
  const target = resolve(
    flags.directory ?? usage(() => validateServiceName(name)),
  );
  const schematicOptions = {
    name,
    directory: basename(target),
    triggers: flaggedTriggers ?? answers.triggers,
    runtime: flags.runtime ?? answers.runtime,
    packageManager:
      flags.packageManager ?? answers.packageManager ?? detectPackageManager(),
    force: flags.force ?? false,
  };
  const options = usage(() => normalizeApplicationOptions(schematicOptions));
  const shown = relative(process.cwd(), target) || '.';

  info(MESSAGES.scaffolding(options.serviceName));
  const changes = await runSchematic({
    schematic: 'application',
    options: { ...schematicOptions, triggers: options.triggers },
    root: dirname(target),
    dryRun: Boolean(flags.dryRun),
    force: flags.force,
  });
  printChanges(changes);
  if (flags.dryRun) {
    info(MESSAGES.dryRun);
    return;
  }

  const pm = options.packageManager;
  if (!flags.skipInstall) await installDependencies(pm, target, shown);
  if (!flags.skipGit) initGitRepository(target);
  info(
    MESSAGES.nextSteps(
      shown,
      pm,
      !flags.skipInstall,
      options.functions[0].name,
    ),
  );
}

function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new CliError(messageOf(error), ExitCode.Usage);
  }
}

function tryMessage(fn: () => unknown): true | string {
  try {
    fn();
    return true;
  } catch (error) {
    return messageOf(error);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
