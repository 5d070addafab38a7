export interface PackageJson {
  type?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * Scripts as `nest new` (Nest 12) writes them, that a Lambda service replaces: `deploy` deploys to
 * Nest's Mau rather than with CDK, `test` must build first (the stack spec reads `dist/`), and
 * `lint` and `format` leave out `infra/` and `scripts/`. The same scripts changed by the user are
 * kept.
 */
export const NEST_NEW_SCRIPTS: Readonly<Record<string, string>> = {
  deploy: 'nest deploy',
  test: 'vitest run',
  lint: 'oxlint --type-aware src/ test/',
  format: 'prettier --write "src/**/*.ts" "test/**/*.ts"',
};

/**
 * Scripts as `nest new` writes them that an app keeps: main.ts still serves the app locally, which
 * is what they run, so they are neither replaced nor reported.
 */
export const NEST_NEW_KEPT_SCRIPTS: Readonly<Record<string, string>> = {
  start: 'nest start',
  'start:dev': 'nest start --watch',
};

export interface MergedPackageJson {
  json: PackageJson;
  /** Scripts of the app that differ from a generated service's, kept as the user wrote them. */
  keptScripts: string[];
}

/**
 * Adds what a generated service's package.json has and the app's lacks: dependencies (an app's
 * own version of a package wins) and scripts. Key order of the app's file is kept; new keys go
 * after it.
 */
export function mergePackageJson(
  app: PackageJson,
  service: PackageJson,
): MergedPackageJson {
  const dependencies = { ...app.dependencies };
  const devDependencies = { ...app.devDependencies };
  const declared = (name: string) =>
    name in dependencies || name in devDependencies;
  for (const [name, range] of Object.entries(service.dependencies ?? {}))
    if (!declared(name)) dependencies[name] = range;
  for (const [name, range] of Object.entries(service.devDependencies ?? {}))
    if (!declared(name)) devDependencies[name] = range;

  const scripts = { ...app.scripts };
  const keptScripts: string[] = [];
  for (const [name, command] of Object.entries(service.scripts ?? {})) {
    const mine = scripts[name];
    if (mine === undefined || mine === NEST_NEW_SCRIPTS[name])
      scripts[name] = command;
    else if (mine !== command && mine !== NEST_NEW_KEPT_SCRIPTS[name])
      keptScripts.push(name);
  }
  return {
    json: {
      ...app,
      scripts,
      dependencies: sorted(dependencies),
      devDependencies: sorted(devDependencies),
    },
    keptScripts,
  };
}

// npm writes dependencies sorted; so does `npm install <pkg>`, so a later install changes nothing.
function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
