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

/** Lambda runtimes a service may run on; the first is the default. */
export const RUNTIMES = ['nodejs24.x', 'nodejs22.x'] as const;
export const DEFAULT_RUNTIME = RUNTIMES[0];
export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn'] as const;

export interface NormalizedApplicationOptions {
  serviceName: string;
  serviceClassName: string;
  directory: string;
  triggers: Trigger[];
  functions: ScaffoldFunction[];
  runtime: (typeof RUNTIMES)[number];
  packageManager: (typeof PACKAGE_MANAGERS)[number];
  generatorVersion: string;
  force: boolean;
}

/** Validates every option and fills the defaults; pure, and throws before any rule runs. */
export function normalizeApplicationOptions(
  raw: ApplicationOptions,
): NormalizedApplicationOptions {
  const folderName = validateServiceName(raw.name);
  const triggers = parseTriggers(raw.triggers);
  const runtime = parseRuntime(raw.runtime);
  const packageManager = parsePackageManager(raw.packageManager);
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
    runtime,
    packageManager,
    generatorVersion: generatorPackage.version,
    force: raw.force ?? false,
  };
}

export function parseTriggers(raw: string | string[] | undefined): Trigger[] {
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

export function parseRuntime(raw: string | undefined) {
  return oneOf('runtime', raw ?? DEFAULT_RUNTIME, RUNTIMES);
}

export function parsePackageManager(raw: string | undefined) {
  return oneOf('package manager', raw ?? 'npm', PACKAGE_MANAGERS);
}

function oneOf<T extends string>(
  what: string,
  value: string,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new SchematicsException(
      `unknown ${what} "${value}"; use one of: ${allowed.join(', ')}.`,
    );
  }
  return value as T;
}
