// The project name of a migrated function: derived from the template key, logical id, export or
// file, never a reserved word (`delete`, `app`), and renamed with `--name old=new`.
import { strings } from '@angular-devkit/core';
import { toNameForms } from '../../utils/names.js';

const PREFIX = 'legacy-';

/**
 * The key's kebab-case name when it is a valid function name; else `legacy-<name>`
 * (`delete` → `legacy-delete`, `app` → `legacy-app`), which always is one when the key starts with
 * a letter or digit. A key that gives no name at all is returned as is, and refused later.
 */
export function defaultFunctionName(key: string): string {
  try {
    return toNameForms(key, 'Function').name;
  } catch {
    try {
      return toNameForms(
        `${PREFIX}${strings.dasherize(key.trim())}`,
        'Function',
      ).name;
    } catch {
      return key;
    }
  }
}

/** Whether the default name of `key` had to be prefixed, so the run can say it. */
export function isPrefixedDefault(key: string, name: string): boolean {
  return (
    name.startsWith(PREFIX) && !strings.dasherize(key.trim()).startsWith(PREFIX)
  );
}

export function prefixedNote(key: string, name: string, where: string) {
  return {
    subject: `name of ${key}`,
    detail: `"${key}" cannot name a function (a reserved word or not a name), so it is "${name}"; choose another with --name ${key}=<name>`,
    where,
  };
}

/** `--name a,b=c`: the functions to migrate, and the new name of each one renamed. */
export interface NameOption {
  selectors: string[];
  renames: Map<string, string>;
}

export function parseNameOption(option: string): NameOption {
  const renames = new Map<string, string>();
  const selectors = option
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [selector = '', rename] = entry.split('=').map((p) => p.trim());
      if (rename !== undefined) {
        if (selector === '' || rename === '') {
          throw new Error(
            `--name ${entry} is not a rename; write it as <function>=<new-name>, e.g. delete=delete-item`,
          );
        }
        renames.set(selector, toNameForms(rename, 'Function').name);
      }
      return selector;
    });
  return { selectors, renames };
}

/** Other code may invoke the function by its physical name, which the new stack does not reuse. */
export function functionNameFinding(key: string, where: string) {
  return {
    subject: `${key} function name`,
    detail:
      'is not carried over (the legacy stack still owns it); the new function gets a generated name: point callers that invoke it by name at the new one, or set functionName in its construct once the legacy function is gone',
    where,
  };
}
