import type { FileChange } from '../utils/schematic-runner.js';
import { info, label } from './output.js';

const LABELS = {
  create: label('green', 'CREATE'),
  update: label('cyan', 'UPDATE'),
  delete: label('yellow', 'DELETE'),
  rename: label('blue', 'RENAME'),
} as const;

/** Prints changes the way `nest g` does: `CREATE src/main.ts (412 bytes)`. */
export function printChanges(changes: readonly FileChange[]): void {
  for (const change of changes) {
    const tag = LABELS[change.kind];
    if (change.kind === 'rename') info(`${tag} ${change.path} => ${change.to}`);
    else if (change.kind === 'delete') info(`${tag} ${change.path}`);
    else info(`${tag} ${change.path} (${change.bytes} bytes)`);
  }
}
