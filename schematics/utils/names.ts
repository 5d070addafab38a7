import { strings } from '@angular-devkit/core';
import { SchematicsException } from '@angular-devkit/schematics';
import validateNpmPackageName from 'validate-npm-package-name';

/** The spellings of one kebab-case name that templates need. */
export interface NameForms {
  /** `payment-events` */
  name: string;
  /** `PaymentEvents` */
  className: string;
  /** `paymentEvents` */
  propertyName: string;
}

// JavaScript keywords and Nest's own folder names: a class or folder named after them breaks the build.
const RESERVED = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'await',
  'app',
  'lambda',
  'functions',
  'common',
]);

/**
 * Checks a service name the way npm does and returns the folder name it defaults to
 * (the part after the scope). Throws a one-line error that names the fix.
 */
export function validateServiceName(name: string): string {
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) {
    throw new SchematicsException(
      `"${name}" is an absolute path, not a name; pass a name and, if you need it, --directory ${name}.`,
    );
  }
  if (name.split(/[\\/]/).some((part) => part === '..' || part === '.')) {
    throw new SchematicsException(
      `"${name}" contains a relative path segment; pass a plain name such as "orders-service".`,
    );
  }
  const result = validateNpmPackageName(name);
  if (!result.validForNewPackages) {
    const reason =
      [...(result.errors ?? []), ...(result.warnings ?? [])][0] ??
      'it is not valid';
    throw new SchematicsException(
      `"${name}" is not a valid npm package name (${reason}); use lower case letters, digits and dashes, e.g. "${suggestName(name)}".`,
    );
  }
  return name.replace(/^@[^/]+\//, '');
}

/**
 * Checks the name of a function, handler or provider: kebab-case words that start with a letter,
 * and not a reserved word. Returns every spelling of it.
 */
export function toNameForms(raw: string, what: string): NameForms {
  const name = strings.dasherize(raw.trim());
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    throw new SchematicsException(
      `${what} "${raw}" is not a valid name; use letters, digits and dashes, starting with a letter, e.g. "payment-events".`,
    );
  }
  if (RESERVED.has(name)) {
    throw new SchematicsException(
      `${what} "${raw}" is a reserved word; choose another name, e.g. "${name}-handler".`,
    );
  }
  return {
    name,
    className: strings.classify(name),
    propertyName: strings.camelize(name),
  };
}

function suggestName(name: string): string {
  const suggestion = name
    .replace(/^@[^/]+\//, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return suggestion || 'my-service';
}
