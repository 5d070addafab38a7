import { SchematicsException } from '@angular-devkit/schematics';
import { generatorPackage } from '../utils/generator-package.js';
import { validateServiceName } from '../utils/names.js';
import {
  DEFAULT_TRIGGERS,
  isTrigger,
  TRIGGERS,
  type Trigger,
} from '../utils/triggers.js';
import type { ApplicationOptions } from './application.schema.js';
import {
  type ScaffoldFunction,
  scaffoldFunctions,
} from './scaffold-functions.js';

export interface NormalizedApplicationOptions {
  serviceName: string;
  serviceClassName: string;
  directory: string;
  triggers: Trigger[];
  functions: ScaffoldFunction[];
  /** One of the schema's `runtime` enum, which the workflow checks before the factory runs. */
  runtime: string;
  /** One of the schema's `packageManager` enum. */
  packageManager: string;
  generatorVersion: string;
  force: boolean;
}

/**
 * Validates what `schema.json` cannot (the name, the comma-separated triggers) and fills the
 * defaults; pure, and throws before any rule runs. The enums are the schema's to check.
 */
export function normalizeApplicationOptions(
  raw: ApplicationOptions,
): NormalizedApplicationOptions {
  const folderName = validateServiceName(raw.name);
  const triggers = parseTriggers(raw.triggers);
  return {
    serviceName: raw.name,
    serviceClassName: folderName
      .split(/[^a-zA-Z0-9]+/)
      .filter(Boolean)
      .map((word) => word[0].toUpperCase() + word.slice(1))
      .join('')
      .replace(/^(\d)/, 'Service$1'),
    directory: raw.directory ?? folderName,
    triggers,
    functions: scaffoldFunctions(triggers),
    runtime: raw.runtime ?? 'nodejs24.x',
    packageManager: raw.packageManager ?? 'npm',
    generatorVersion: generatorPackage.version,
    force: raw.force ?? false,
  };
}

function parseTriggers(raw: string | string[] | undefined): Trigger[] {
  const names = (
    Array.isArray(raw) ? raw : (raw ?? DEFAULT_TRIGGERS.join(',')).split(',')
  )
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) {
    throw new SchematicsException(
      `no trigger given; pass --triggers with one or more of: ${TRIGGERS.join(', ')}.`,
    );
  }
  const unknown = names.find((name) => !isTrigger(name));
  if (unknown !== undefined) {
    throw new SchematicsException(
      `unknown trigger "${unknown}"; use one or more of: ${TRIGGERS.join(', ')}.`,
    );
  }
  // Keep the documented order whatever order the user typed, so the same choice renders the same project.
  return TRIGGERS.filter((trigger) => names.includes(trigger));
}
