// Walks the local files a legacy module loads (require, import, export-from, dynamic import with a
// literal), so that exactly those files are copied into the project. npm packages are listed for
// the report and the project's package.json; Node built-ins are left alone.
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';
import { parseModule } from './exports.js';

export interface ImportGraph {
  /** Absolute paths, the entry first. */
  files: string[];
  /** npm package names the files load at run time. */
  packages: string[];
  /**
   * npm packages the files import for their types only (`import type`, and `aws-lambda` from
   * TypeScript, whose imports TypeScript elides): nothing loads them, the build reads their types.
   */
  typePackages: string[];
  /** Relative specifiers that resolve to no file, as `from: specifier`. */
  unresolved: string[];
  /** `require(x)` and `import(x)` whose argument is not a literal: the files they load are unknown. */
  dynamic: string[];
}

export interface FileAccess {
  read(absolutePath: string): string | undefined;
}

const RESOLVE_EXTENSIONS = [
  '.js',
  '.cjs',
  '.mjs',
  '.ts',
  '.cts',
  '.mts',
  '.json',
];
const BUILTINS = new Set(builtinModules);

export function collectImportGraph(
  entry: string,
  access: FileAccess,
): ImportGraph {
  const files: string[] = [];
  const packages = new Set<string>();
  const typePackages = new Set<string>();
  const unresolved: string[] = [];
  const dynamic: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.includes(file)) continue;
    files.push(file);
    if (file.endsWith('.json')) continue;
    const text = access.read(file) ?? '';
    const found = specifiersOf(file, text);
    dynamic.push(
      ...found.dynamic.map((expression) => `${file}: ${expression}`),
    );
    for (const specifier of found.specifiers) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolveLocal(posix.dirname(file), specifier, access);
        if (target === undefined) unresolved.push(`${file}: ${specifier}`);
        else queue.push(target);
      } else if (isPackage(specifier)) {
        packages.add(packageName(specifier));
      }
    }
    for (const specifier of found.typeOnly)
      if (isPackage(specifier)) typePackages.add(packageName(specifier));
  }
  return {
    files,
    packages: [...packages].sort(),
    typePackages: [...typePackages].filter((p) => !packages.has(p)).sort(),
    unresolved,
    dynamic,
  };
}

function isPackage(specifier: string): boolean {
  return (
    !specifier.startsWith('.') &&
    !specifier.startsWith('/') &&
    !specifier.startsWith('node:') &&
    !BUILTINS.has(specifier.split('/')[0] ?? '')
  );
}

/**
 * The npm package `aws-lambda` is an unrelated deploy tool without types: TypeScript code that
 * imports from it means the types of DefinitelyTyped, and the import is elided when compiled.
 */
const TYPES_ONLY_IN_TYPESCRIPT = new Set(['aws-lambda']);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@')
    ? parts.slice(0, 2).join('/')
    : (parts[0] ?? specifier);
}

/** Node's lookup, plus TypeScript's: `./x.js` may be `./x.ts` in a TypeScript source. */
export function resolveLocal(
  fromDir: string,
  specifier: string,
  access: FileAccess,
): string | undefined {
  const base = posix.resolve(fromDir, specifier);
  const isFile = (path: string) => access.read(path) !== undefined;
  const candidates = [
    base,
    ...RESOLVE_EXTENSIONS.map((extension) => base + extension),
    ...swapToTypeScript(base),
    ...RESOLVE_EXTENSIONS.map((extension) =>
      posix.join(base, `index${extension}`),
    ),
  ];
  return candidates.find(isFile);
}

function swapToTypeScript(path: string): string[] {
  const swaps: Record<string, string> = {
    '.js': '.ts',
    '.cjs': '.cts',
    '.mjs': '.mts',
  };
  const extension = posix.extname(path);
  const swapped = swaps[extension];
  return swapped ? [path.slice(0, -extension.length) + swapped] : [];
}

/**
 * The module specifiers a file loads (`specifiers`), imports for types only (`typeOnly`: they
 * vanish when compiled and load nothing), and the arguments of loads that are not literals.
 */
export function specifiersOf(
  file: string,
  text: string,
): { specifiers: string[]; typeOnly: string[]; dynamic: string[] } {
  const source = parseModule(file, text);
  const typeScript = /\.[cm]?ts$/.test(file);
  const specifiers: string[] = [];
  const typeOnly: string[] = [];
  const dynamic: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteralLike(node.moduleSpecifier)
    ) {
      const specifier = node.moduleSpecifier.text;
      const forTypes =
        isTypeOnly(node) ||
        (typeScript && TYPES_ONLY_IN_TYPESCRIPT.has(specifier));
      (forTypes ? typeOnly : specifiers).push(specifier);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteralLike(node.moduleReference.expression)
    ) {
      specifiers.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && isLoadCall(node)) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument))
        specifiers.push(argument.text);
      else if (argument) dynamic.push(argument.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers, typeOnly, dynamic };
}

/** `import type …`, `import { type A, type B } …` and `export type … from`. */
function isTypeOnly(
  node: ts.ImportDeclaration | ts.ExportDeclaration,
): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  const clause = node.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** `require(…)`, `require.resolve(…)` and `import(…)`. */
function isLoadCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isIdentifier(callee)) return callee.text === 'require';
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'require' &&
    callee.name.text === 'resolve'
  );
}
