import {
  callSource,
  type Rule,
  SchematicsException,
  type SchematicContext,
  type Tree,
} from '@angular-devkit/schematics';
import { lastValueFrom } from 'rxjs';
import {
  formatGenerated,
  readPrettierConfig,
} from '../utils/format-new-files.rule.js';
import { inProject, projectLayout } from '../utils/generate-options.js';
import { generatorPackage } from '../utils/generator-package.js';
import {
  KIT_DIR,
  KIT_MANIFEST,
  kitManifestOf,
  readKitFiles,
  readKitManifest,
} from '../utils/kit-manifest.js';
import { renderTemplates } from '../utils/render-templates.js';
import { type KitUpdatePlan, planKitUpdate } from './kit-update-plan.js';
import type { LambdaRuntimeOptions } from './lambda-runtime.schema.js';

export function main(raw: LambdaRuntimeOptions): Rule {
  const { root } = projectLayout({ ...raw, path: undefined }, 'lambda-runtime');
  const force = raw.force ?? false;
  return async (tree: Tree, context: SchematicContext) => {
    if (!tree.exists(inProject(root, `${KIT_DIR}/index.ts`))) {
      throw new SchematicsException(
        `no runtime kit in ${KIT_DIR}/; run create-nest-lambda init to add Lambda support first.`,
      );
    }
    const current = readKitFiles(tree, root);
    const latest = await renderKit(tree, context, root);
    const plan = planKitUpdate(current, latest, readKitManifest(tree, root));
    if (plan.edited.length > 0 && !force) {
      const more =
        plan.edited.length > 1 ? ` and ${plan.edited.length - 1} more` : '';
      throw new SchematicsException(
        `${KIT_DIR}/${plan.edited[0]}${more} changed since they were generated; nothing was updated. Pass --force to replace them (create-nest-lambda add lambda-runtime --force).`,
      );
    }
    context.logger.info(summary(apply(tree, root, plan, latest)));
    return tree;
  };
}

/** This generator's kit, formatted with the project's Prettier settings as the scaffold wrote it. */
async function renderKit(
  tree: Tree,
  context: SchematicContext,
  root: string,
): Promise<Map<string, string>> {
  const source = renderTemplates(
    'project',
    { generatorVersion: generatorPackage.version },
    '/',
    (path) => path.startsWith(`/${KIT_DIR}/`),
  );
  const rendered = await lastValueFrom(callSource(source, context));
  const config = readPrettierConfig(tree, root);
  const kit = new Map<string, string>();
  const paths: string[] = [];
  rendered.visit((path) => paths.push(path));
  for (const path of paths) {
    const text = rendered.readText(path);
    kit.set(
      path.slice(KIT_DIR.length + 2),
      await formatGenerated(path, text, config),
    );
  }
  return kit;
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

function summary({ created, updated, removed, unchanged }: Changes): string {
  const version = `create-nest-lambda ${generatorPackage.version}`;
  if (created.length + updated.length + removed.length === 0)
    return `${KIT_DIR}/ is up to date with ${version}.`;
  return `${KIT_DIR}/ brought up to ${version}: ${created.length} added, ${updated.length} updated, ${removed.length} removed, ${unchanged.length} unchanged.`;
}
