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
  type FunctionRequest,
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
  /** No sample domain: no `correlation` module, and every function is its trigger's skeleton. */
  minimal: boolean;
}

/**
 * Validates what `schema.json` cannot (the name, the comma-separated triggers) and fills the
 * defaults; pure, and throws before any rule runs. The enums are the schema's to check.
 */
export function normalizeApplicationOptions(
  raw: ApplicationOptions,
): NormalizedApplicationOptions {
  const folderName = validateServiceName(raw.name);
  const requests = parseTriggers(raw.triggers);
  const minimal = raw.minimal ?? false;
  const functions = scaffoldFunctions(requests, minimal);
  refuseSameName(functions);
  return {
    serviceName: raw.name,
    serviceClassName: folderName
      .split(/[^a-zA-Z0-9]+/)
      .filter(Boolean)
      .map((word) => word[0].toUpperCase() + word.slice(1))
      .join('')
      .replace(/^(\d)/, 'Service$1'),
    directory: raw.directory ?? folderName,
    triggers: TRIGGERS.filter((trigger) =>
      requests.some((request) => request.trigger === trigger),
    ),
    functions,
    runtime: raw.runtime ?? 'nodejs24.x',
    packageManager: raw.packageManager ?? 'npm',
    generatorVersion: generatorPackage.version,
    force: raw.force ?? false,
    minimal,
  };
}

/**
 * `http-api,sqs:payments,sqs:refunds`: a trigger per function, optionally with the function's
 * name after a colon.
 */
function parseTriggers(raw: string | string[] | undefined): FunctionRequest[] {
  const entries = (
    Array.isArray(raw) ? raw : (raw ?? DEFAULT_TRIGGERS.join(',')).split(',')
  )
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) {
    throw new SchematicsException(
      `no trigger given; pass --triggers with one or more of: ${TRIGGERS.join(', ')}.`,
    );
  }
  const requests = entries.map((entry): FunctionRequest => {
    const [trigger = '', name, ...rest] = entry
      .split(':')
      .map((part) => part.trim());
    if (!isTrigger(trigger)) {
      throw new SchematicsException(
        `unknown trigger "${trigger}"; use one or more of: ${TRIGGERS.join(', ')}.`,
      );
    }
    if (name === '' || rest.length > 0) {
      throw new SchematicsException(
        `"${entry}" is not a trigger with a function name; write <trigger>:<name>, e.g. "${trigger}:payments".`,
      );
    }
    return { trigger, name };
  });
  // Keep the documented order whatever order the user typed, so the same choice renders the same
  // project; the same entry twice is one function.
  return TRIGGERS.flatMap((trigger) => {
    const names = requests
      .filter((request) => request.trigger === trigger)
      .map((request) => request.name);
    return [...new Set(names)].map((name) => ({ trigger, name }));
  });
}

/** Two functions of one name would write the same files. */
function refuseSameName(functions: readonly ScaffoldFunction[]): void {
  functions.forEach((fn, index) => {
    const other = functions.slice(0, index).find((o) => o.name === fn.name);
    if (other === undefined) return;
    throw new SchematicsException(
      `function "${fn.name}" is asked for twice (${other.trigger} and ${fn.trigger}); give one of them another name, e.g. --triggers ${fn.trigger}:${fn.name}-2.`,
    );
  });
}
