import { MESSAGES } from '../ui/messages.js';
import { info } from '../ui/output.js';
import { printChanges } from '../ui/print-changes.js';
import {
  detectPackageManager,
  installDependencies,
} from '../utils/package-manager.js';
import { registryOverride } from '../utils/registry.js';
import { runSchematic } from '../utils/schematic-runner.js';

export interface InitFlags {
  runtime?: string;
  skipInstall?: boolean;
  dryRun?: boolean;
}

/**
 * Runs lambda-init on the current directory, then installs what it added (a failed install keeps
 * the changes and prints the command to retry, as the scaffold does).
 */
export async function initAction(flags: InitFlags): Promise<void> {
  if (!flags.skipInstall) registryOverride();
  info(MESSAGES.init.adding);
  const changes = await runSchematic({
    schematic: 'lambda-init',
    options: flags.runtime === undefined ? {} : { runtime: flags.runtime },
    root: process.cwd(),
    dryRun: Boolean(flags.dryRun),
  });
  printChanges(changes);
  if (flags.dryRun) {
    info(MESSAGES.dryRun);
    return;
  }
  const pm = detectPackageManager();
  if (!flags.skipInstall) await installDependencies(pm, process.cwd(), '.');
  info(MESSAGES.init.nextSteps(pm, !flags.skipInstall));
}
