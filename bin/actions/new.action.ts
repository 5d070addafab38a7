import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { validateServiceName } from '../../schematics/utils/names.js';
import { TRIGGER_DESCRIPTIONS } from '../../schematics/utils/triggers.js';
import { MESSAGES } from '../ui/messages.js';
import { info } from '../ui/output.js';
import { printChanges } from '../ui/print-changes.js';
import { CliError, ExitCode } from '../utils/cli-error.js';
import { initGitRepository } from '../utils/git.js';
import { isInteractive } from '../utils/is-interactive.js';
import {
  detectPackageManager,
  installDependencies,
  isInstalled,
  type PackageManager,
  requireInstalled,
} from '../utils/package-manager.js';
import { askScaffoldQuestions } from '../utils/prompts.js';
import { type FileChange, runSchematic } from '../utils/schematic-runner.js';
import { choicesOf, readSchematicSchema } from '../utils/schematic-schema.js';
import { registryOverride } from '../utils/registry.js';

export interface NewCommandOptions {
  triggers?: string;
  minimal?: boolean;
  directory?: string;
  runtime?: string;
  packageManager?: string;
  skipInstall?: boolean;
  skipGit?: boolean;
  dryRun?: boolean;
  force?: boolean;
  yes?: boolean;
}

/**
 * Collects what the flags and prompts say and hands it to the application schematic as it is:
 * the schematic validates every option (commander has already held `--runtime` and
 * `--package-manager` to the schema's enums) and refuses with one line, before anything is written.
 */
export async function newAction(
  nameArg: string | undefined,
  flags: NewCommandOptions,
) {
  const interactive = isInteractive(flags.yes);
  if (nameArg === undefined && !interactive)
    throw new CliError(MESSAGES.missingName, ExitCode.Usage);

  const schema = readSchematicSchema('application').properties;
  const installing = !flags.skipInstall && !flags.dryRun;
  // A bad CREATE_NEST_LAMBDA_REGISTRY is refused before anything is written.
  if (installing) registryOverride();
  if (installing && flags.packageManager !== undefined)
    requireInstalled(flags.packageManager);
  // Offer only the managers that are here; with one, there is nothing to ask.
  const managers =
    interactive && flags.packageManager === undefined
      ? choicesOf(schema.packageManager).filter(isInstalled)
      : [];
  const launchedBy = detectPackageManager();
  const defaultManager =
    managers.length === 0 || managers.includes(launchedBy)
      ? launchedBy
      : managers[0];
  const answers = interactive
    ? await askScaffoldQuestions({
        askName: nameArg === undefined,
        askTriggers: flags.triggers === undefined,
        askRuntime: flags.runtime === undefined,
        askPackageManager:
          flags.packageManager === undefined && managers.length > 1,
        triggerChoices: choicesOf(schema.triggers),
        triggerDescriptions: TRIGGER_DESCRIPTIONS,
        defaultTriggers: String(schema.triggers.default).split(','),
        runtimeChoices: choicesOf(schema.runtime),
        defaultRuntime: String(schema.runtime.default),
        packageManagerChoices: managers,
        defaultPackageManager: defaultManager,
        validateName: (name) => tryMessage(() => validateServiceName(name)),
      })
    : {};

  const name = nameArg ?? answers.name ?? '';
  const { root, directory, target } = placeOf(
    flags.directory ?? name.replace(/^@[^/]+\//, ''),
  );
  // Commander has held the flag to the schema's choices, and the prompt offers only those.
  const pm = (flags.packageManager ??
    answers.packageManager ??
    defaultManager) as PackageManager;
  if (installing && flags.packageManager === undefined) requireInstalled(pm);
  const shown = relative(process.cwd(), target) || '.';

  info(MESSAGES.scaffolding(name));
  const changes = await runSchematic({
    schematic: 'application',
    options: {
      name,
      directory,
      triggers: flags.triggers ?? answers.triggers,
      runtime: flags.runtime ?? answers.runtime,
      packageManager: pm,
      minimal: flags.minimal ?? false,
      force: flags.force ?? false,
    },
    root,
    dryRun: Boolean(flags.dryRun),
    force: flags.force,
  });
  printChanges(changes);
  if (flags.dryRun) {
    info(MESSAGES.dryRun);
    return;
  }

  if (!flags.skipInstall) await installDependencies(pm, target, shown);
  if (!flags.skipGit) initGitRepository(target);
  info(
    MESSAGES.nextSteps(shown, pm, !flags.skipInstall, firstFunction(changes)),
  );
}

/**
 * Where the schematic's tree is rooted and the project folder inside it. A folder under the
 * current one keeps its whole path (`sub/thing`), so the schematic's messages name it as typed;
 * any other folder is rooted at its parent, since a tree cannot reach above its root.
 */
function placeOf(path: string) {
  const target = resolve(path);
  const inside = relative(process.cwd(), target);
  if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside))
    return { root: process.cwd(), directory: inside, target };
  return { root: dirname(target), directory: basename(target), target };
}

/** The first function the scaffold wrote, for the `invoke` line of the next steps. */
function firstFunction(changes: readonly FileChange[]): string {
  for (const change of changes) {
    const match = /\/src\/functions\/([^/]+)\.function\.ts$/.exec(
      `/${change.path}`,
    );
    if (match) return match[1];
  }
  return '<function>';
}

function tryMessage(fn: () => unknown): true | string {
  try {
    fn();
    return true;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
