// Pure edits of a service's settings files that migrated legacy code needs, each a no-op when the
// setting is already there:
// - tsconfig.json `allowJs`, so tsc compiles the copied JavaScript next to the TypeScript;
// - nest-cli.json assets `legacy/**/*.json`, so `nest build` copies the package.json that keeps
//   CommonJS legacy code CommonJS (and the JSON files it requires) into dist/;
// - lint and format ignores for the copied legacy trees, which keep their own style;
// - package.json dependencies the legacy code imports.
import ts from 'typescript';

/** Sets `compilerOptions.allowJs` to true, splicing text so comments and layout stay. */
export function enableAllowJs(source: string): string {
  const file = ts.parseJsonText('tsconfig.json', source);
  const root = file.statements[0]?.expression;
  if (!root || !ts.isObjectLiteralExpression(root)) return source;
  const options = root.properties.find(
    (p) => propertyName(p) === 'compilerOptions',
  );
  if (
    !options ||
    !ts.isPropertyAssignment(options) ||
    !ts.isObjectLiteralExpression(options.initializer)
  ) {
    return source;
  }
  const allowJs = options.initializer.properties.find(
    (p) => propertyName(p) === 'allowJs',
  );
  if (allowJs && ts.isPropertyAssignment(allowJs)) {
    if (allowJs.initializer.kind === ts.SyntaxKind.TrueKeyword) return source;
    return `${source.slice(0, allowJs.initializer.getStart(file))}true${source.slice(allowJs.initializer.end)}`;
  }
  const first = options.initializer.properties[0];
  const open = options.initializer.getStart(file) + 1;
  if (first === undefined)
    return `${source.slice(0, open)} "allowJs": true ${source.slice(open)}`;
  const start = first.getStart(file);
  const indent = /[ \t]*$/.exec(source.slice(0, start))?.[0] ?? '';
  return `${source.slice(0, start)}"allowJs": true,\n${indent}${source.slice(start)}`;
}

function propertyName(
  property: ts.ObjectLiteralElementLike,
): string | undefined {
  const name = property.name;
  return name && (ts.isStringLiteral(name) || ts.isIdentifier(name))
    ? name.text
    : undefined;
}

export const LEGACY_ASSETS = 'legacy/**/*.json';

/** Adds the legacy JSON files to `compilerOptions.assets` of nest-cli.json. */
export function addLegacyAssets(source: string): string {
  const config = JSON.parse(source) as {
    compilerOptions?: { assets?: (string | { include?: string })[] };
  };
  const assets = config.compilerOptions?.assets ?? [];
  if (
    assets.some(
      (asset) =>
        (typeof asset === 'string' ? asset : asset.include) === LEGACY_ASSETS,
    )
  ) {
    return source;
  }
  config.compilerOptions = {
    ...config.compilerOptions,
    assets: [...assets, { include: LEGACY_ASSETS }],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Adds one line to an ignore file (.prettierignore, .gitignore style). */
export function addIgnoreLine(source: string, line: string): string {
  const lines = source.split(/\r?\n/);
  if (lines.includes(line)) return source;
  return `${source}${source === '' || source.endsWith('\n') ? '' : '\n'}${line}\n`;
}

/** Adds a pattern to `ignorePatterns` of .oxlintrc.json. */
export function addOxlintIgnore(source: string, pattern: string): string {
  const config = JSON.parse(source) as { ignorePatterns?: string[] };
  if (config.ignorePatterns?.includes(pattern)) return source;
  config.ignorePatterns = [...(config.ignorePatterns ?? []), pattern];
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * Adds the packages the project lacks (in neither dependencies nor devDependencies), sorted:
 * `wanted` to dependencies, `wantedDev` (types the build reads) to devDependencies.
 */
export function addDependencies(
  source: string,
  wanted: Record<string, string>,
  wantedDev: Record<string, string> = {},
): string {
  const manifest = JSON.parse(source) as Record<
    'dependencies' | 'devDependencies',
    Record<string, string> | undefined
  >;
  const have = { ...manifest.devDependencies, ...manifest.dependencies };
  const missing = (entries: Record<string, string>) =>
    Object.entries(entries).filter(([name]) => have[name] === undefined);
  const runtime = missing(wanted);
  const dev = missing(wantedDev).filter(([name]) => wanted[name] === undefined);
  if (runtime.length + dev.length === 0) return source;
  const merge = (
    section: 'dependencies' | 'devDependencies',
    added: [string, string][],
  ) => {
    if (added.length === 0) return;
    manifest[section] = Object.fromEntries(
      [...Object.entries(manifest[section] ?? {}), ...added].sort(([a], [b]) =>
        a.localeCompare(b),
      ),
    );
  };
  merge('dependencies', runtime);
  merge('devDependencies', dev);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
