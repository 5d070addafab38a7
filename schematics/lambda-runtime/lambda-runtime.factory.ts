import {
  type Rule,
  SchematicsException,
  type SchematicContext,
  type Tree,
} from '@angular-devkit/schematics';
import { formatForProject } from '../utils/format-new-files.rule.js';
import { inProject, projectLayout } from '../utils/generate-options.js';
import { hashOf } from '../utils/kit-hash.js';
import {
  KIT_DIR,
  KIT_MANIFEST,
  kitManifestOf,
  readKitFiles,
  readKitManifest,
} from '../utils/kit-manifest.js';
import { type KitUpdatePlan, planKitUpdate } from './kit-update-plan.js';
import type { LambdaRuntimeOptions } from './lambda-runtime.schema.js';
import {
  relativeImports,
  relativeSpecifier,
  replaceModuleSpecifier,
  RUNTIME_PACKAGE,
} from '../utils/runtime-imports.js';
import { readRuntimePackage, type RuntimePackage } from './runtime-source.js';
import { editDependencies, serviceTypeScriptFiles } from './service-files.js';

/**
 * Ejects the runtime into `src/lambda/` (or brings an ejected copy up to this release), or, with
 * `--to-package`, goes back to depending on `@create-nest-lambda/runtime`.
 */
export function main(raw: LambdaRuntimeOptions): Rule {
  const { root } = projectLayout({ ...raw, path: undefined }, 'lambda-runtime');
  const force = raw.force ?? false;
  return async (tree: Tree, context: SchematicContext) => {
    const ejected = tree.exists(inProject(root, `${KIT_DIR}/index.ts`));
    if (raw.toPackage) {
      if (!ejected) {
        throw new SchematicsException(
          `no ejected runtime in ${KIT_DIR}/: the service already uses ${RUNTIME_PACKAGE}.`,
        );
      }
      backToPackage(tree, context, root, force);
      return tree;
    }
    const runtime = readRuntimePackage();
    // In the project's Prettier style, as the scaffold would write them.
    const latest = await formatForProject(tree, root, runtime.files);
    if (ejected) update(tree, context, root, latest, force, runtime.version);
    else eject(tree, context, root, latest, runtime);
    return tree;
  };
}

function eject(
  tree: Tree,
  context: SchematicContext,
  root: string,
  files: ReadonlyMap<string, string>,
  runtime: RuntimePackage,
): void {
  for (const [path, content] of files)
    tree.create(inProject(root, `${KIT_DIR}/${path}`), content);
  tree.create(inProject(root, KIT_MANIFEST), kitManifestOf(files));

  const index = inProject(root, `${KIT_DIR}/index.js`);
  const rewritten = rewriteImports(tree, root, (file) => ({
    from: RUNTIME_PACKAGE,
    to: relativeSpecifier(file, index),
  }));
  editDependencies(tree, root, {
    remove: [RUNTIME_PACKAGE],
    add: runtime.dependencies,
    // Type-only and lazily loaded there: NestFunction leaves them out of bundles unless the
    // service depends on them for real.
    addDev: runtime.optionalPeers,
  });
  context.logger.info(
    [
      `Ejected ${RUNTIME_PACKAGE} ${runtime.version} into ${KIT_DIR}/ (${files.size} files); it is yours now.`,
      `Imports of ${RUNTIME_PACKAGE} now point there in ${rewritten} files; package.json depends on the runtime's own dependencies instead of the package (its optional peers as devDependencies).`,
      `Run npm install. To go back: npx create-nest-lambda add lambda-runtime --to-package`,
    ].join('\n'),
  );
}

function backToPackage(
  tree: Tree,
  context: SchematicContext,
  root: string,
  force: boolean,
): void {
  const files = readKitFiles(tree, root);
  const generated = readKitManifest(tree, root)?.files ?? {};
  const edited = [...files]
    .filter(([path, content]) => generated[path] !== hashOf(content))
    .map(([path]) => `${KIT_DIR}/${path}`);
  if (edited.length > 0 && !force) {
    throw new SchematicsException(
      `${edited.join(', ')} changed since the eject; nothing was changed. Keep your changes elsewhere, or pass --force to drop them (create-nest-lambda add lambda-runtime --to-package --force).`,
    );
  }
  const kitFiles = new Set(
    [...files.keys()].map((path) => inProject(root, `${KIT_DIR}/${path}`)),
  );
  const deepImports = importsInto(tree, root, kitFiles);
  if (deepImports.length > 0) {
    throw new SchematicsException(
      `${deepImports[0]!.slice(1)} imports a file of ${KIT_DIR}/ other than index.ts, which ${RUNTIME_PACKAGE} does not export; import it from ${KIT_DIR}/index.js first. Nothing was changed.`,
    );
  }
  const index = inProject(root, `${KIT_DIR}/index.js`);
  const rewritten = rewriteImports(tree, root, (file) => ({
    from: relativeSpecifier(file, index),
    to: RUNTIME_PACKAGE,
  }));
  tree.getDir(inProject(root, KIT_DIR)).visit((path) => tree.delete(path));
  editDependencies(tree, root, {
    add: { [RUNTIME_PACKAGE]: `^${readRuntimePackage().version}` },
  });
  context.logger.info(
    [
      `Removed ${KIT_DIR}/ (${files.size} files${edited.length > 0 ? `, ${edited.length} of them edited` : ''}); imports in ${rewritten} files point at ${RUNTIME_PACKAGE} again.`,
      `Run npm install. The runtime's own dependencies stay in package.json; remove those your code does not use.`,
    ].join('\n'),
  );
}

/** Rewrites one module specifier per file; answers how many files changed. */
function rewriteImports(
  tree: Tree,
  root: string,
  specifiers: (file: string) => { from: string; to: string },
): number {
  let changed = 0;
  for (const file of serviceTypeScriptFiles(tree, root, KIT_DIR)) {
    const { from, to } = specifiers(file);
    const source = tree.readText(file);
    const result = replaceModuleSpecifier(source, file, from, to);
    if (result === source) continue;
    tree.overwrite(file, result);
    changed++;
  }
  return changed;
}

/** Files outside the kit that import a kit file other than its index. */
function importsInto(
  tree: Tree,
  root: string,
  kitFiles: ReadonlySet<string>,
): string[] {
  const index = inProject(root, `${KIT_DIR}/index.js`);
  // Services import the compiled names: `./lambda/errors.js` for `src/lambda/errors.ts`.
  const deep = new Set(
    [...kitFiles]
      .map((file) => file.replace(/\.ts$/, '.js'))
      .filter((file) => file !== index),
  );
  return serviceTypeScriptFiles(tree, root, KIT_DIR).filter((file) =>
    relativeImports(tree.readText(file), file).some((path) => deep.has(path)),
  );
}

/** Brings an ejected copy up to this release; files the user edited only under --force. */
function update(
  tree: Tree,
  context: SchematicContext,
  root: string,
  latest: ReadonlyMap<string, string>,
  force: boolean,
  version: string,
): void {
  const current = readKitFiles(tree, root);
  const plan = planKitUpdate(current, latest, readKitManifest(tree, root));
  if (plan.edited.length > 0 && !force) {
    const more =
      plan.edited.length > 1 ? ` and ${plan.edited.length - 1} more` : '';
    throw new SchematicsException(
      `${KIT_DIR}/${plan.edited[0]}${more} changed since they were generated; nothing was updated. Pass --force to replace them (create-nest-lambda add lambda-runtime --force).`,
    );
  }
  context.logger.info(summary(apply(tree, root, plan, latest), version));
}

interface Changes {
  created: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

/** Carries out the plan; files the user edited are replaced or removed only under --force. */
function apply(
  tree: Tree,
  root: string,
  plan: KitUpdatePlan,
  latest: ReadonlyMap<string, string>,
): Changes {
  const at = (path: string) => inProject(root, `${KIT_DIR}/${path}`);
  const contentOf = (path: string) => latest.get(path) ?? '';
  const changes: Changes = {
    created: plan.create,
    updated: [...plan.update, ...plan.edited.filter((p) => latest.has(p))],
    removed: [...plan.remove, ...plan.edited.filter((p) => !latest.has(p))],
    unchanged: plan.unchanged,
  };
  for (const path of changes.created) tree.create(at(path), contentOf(path));
  for (const path of changes.updated) tree.overwrite(at(path), contentOf(path));
  for (const path of changes.removed) tree.delete(at(path));

  const manifest = kitManifestOf(latest);
  const manifestPath = inProject(root, KIT_MANIFEST);
  if (!tree.exists(manifestPath)) tree.create(manifestPath, manifest);
  else if (tree.readText(manifestPath) !== manifest)
    tree.overwrite(manifestPath, manifest);
  return changes;
}

function summary(
  { created, updated, removed, unchanged }: Changes,
  version: string,
): string {
  const release = `${RUNTIME_PACKAGE} ${version}`;
  if (created.length + updated.length + removed.length === 0)
    return `${KIT_DIR}/ is up to date with ${release}.`;
  return `${KIT_DIR}/ brought up to ${release}: ${created.length} added, ${updated.length} updated, ${removed.length} removed, ${unchanged.length} unchanged.`;
}
