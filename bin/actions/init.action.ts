import { generatorPackage } from '../../schematics/utils/generator-package.js';
import { MESSAGES } from '../ui/messages.js';
import { info } from '../ui/output.js';
import { printChanges } from '../ui/print-changes.js';
import {
  detectPackageManager,
  installDependencies,
} from '../utils/package-manager.js';
import { isLocalCheckout, PACKAGE_ROOT } from '../utils/package-root.js';
import { runSchematic } from '../utils/schematic-runner.js';

export interface InitFlags {
  runtime?: string;
  skipInstall?: boolean;
  dryRun?: boolean;
}

// TODO(#4): move to bin/ui/messages.ts, which this change does not own.
const INIT_MESSAGES = {
  adding: 'Adding Lambda support...',
  next: (pm: string, installed: boolean) =>
    [
      '',
      'Done. Next:',
      ...(installed ? [] : [`  ${pm} install`]),
      `  ${pm} test                 run the tests, the api function's included`,
      `  ${run(pm, 'synth')}            build and synthesize the CDK app`,
      '  npx nest g lambda-handler <name> --type sqs   add a function',
      '',
    ].join('\n'),
};

function run(pm: string, script: string): string {
  return pm === 'npm' ? `npm run ${script}` : `${pm} ${script}`;
}

/**
 * Runs lambda-init on the current directory, then installs what it added (a failed install keeps
 * the changes and prints the command to retry, as the scaffold does).
 */
export async function initAction(flags: InitFlags): Promise<void> {
  info(INIT_MESSAGES.adding);
  const changes = await runSchematic({
    schematic: 'lambda-init',
    options: {
      ...(flags.runtime === undefined ? {} : { runtime: flags.runtime }),
      generatorSpec: isLocalCheckout()
        ? `file:${PACKAGE_ROOT}`
        : `^${generatorPackage.version}`,
    },
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
  info(INIT_MESSAGES.next(pm, !flags.skipInstall));
}
