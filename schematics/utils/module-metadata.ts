import { SchematicsException } from '@angular-devkit/schematics';
import { MetadataManager } from '@nestjs/schematics/dist/utils/index.js';
import { addNamedImport } from './named-import.js';

export interface ModuleEntry {
  /** `imports`, `providers`, `controllers` or `exports`. */
  metadata: string;
  /** The class to list, e.g. `PaymentsModule`. */
  symbol: string;
  /**
   * Module specifier of the class, relative to the module file (with `.js`, the project is ESM);
   * empty for an entry that needs no import of its own, such as a provider object.
   */
  importPath: string;
}

/**
 * Lists classes in a module's `@Module({...})` metadata and imports them, with Nest's own
 * `MetadataManager` (which already skips a symbol present in the array). The import goes through
 * `addNamedImport`, which checks first, so running this twice changes nothing the second time.
 */
export function addToModuleMetadata(
  source: string,
  entries: readonly ModuleEntry[],
  fileName: string,
): string {
  let edited = source;
  for (const entry of entries) {
    const inserted = new MetadataManager(edited).insert(
      entry.metadata,
      entry.symbol,
    );
    if (inserted === undefined) {
      throw new SchematicsException(
        `${fileName} has no @Module({ ... }) decorator to register ${entry.symbol} in; pass --skip-import and register it yourself.`,
      );
    }
    edited = inserted;
  }
  for (const { symbol, importPath } of entries)
    if (importPath !== '') edited = addNamedImport(edited, symbol, importPath);
  return edited;
}
