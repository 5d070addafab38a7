import { MESSAGES } from '../ui/messages.js';
import { info } from '../ui/output.js';
import { printChanges } from '../ui/print-changes.js';
import { runSchematic } from '../utils/schematic-runner.js';

/** The flags of one `add <schematic>` command: its schema's options (camelCase) and --dry-run. */
export type AddFlags = Record<string, string | boolean | undefined> & {
  dryRun?: boolean;
};

/**
 * Runs one schematic on the service in the current directory, as `nest g` would: the schematic
 * validates the name and options (a refusal is a usage error, exit code 2) and writes nothing
 * unless every rule succeeds. `--force` (every schema has it) replaces what the schematic would
 * otherwise refuse to overwrite.
 */
export async function addAction(
  schematic: string,
  name: string | undefined,
  flags: AddFlags,
): Promise<void> {
  const { dryRun, ...rest } = flags;
  const options = Object.fromEntries(
    Object.entries({ name, ...rest }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  const changes = await runSchematic({
    schematic,
    options,
    root: process.cwd(),
    dryRun: Boolean(dryRun),
    force: Boolean(rest.force),
  });
  printChanges(changes);
  if (dryRun) info(MESSAGES.dryRun);
}
