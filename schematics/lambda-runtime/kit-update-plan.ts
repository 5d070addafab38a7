import { hashOf, type KitManifest } from '../utils/kit-hash.js';

/** What bringing the kit up to date does to each file (paths inside `src/lambda/`). */
export interface KitUpdatePlan {
  create: string[];
  update: string[];
  remove: string[];
  unchanged: string[];
  /** Files the user changed since they were generated, that the update would replace or remove. */
  edited: string[];
}

/**
 * Compares the project's kit with this generator's. A file may be replaced or removed only when
 * it is exactly as generated (its hash is in the manifest); anything else is the user's work and
 * is listed as `edited`. Files the kit never had are the user's own and are not touched.
 */
export function planKitUpdate(
  current: ReadonlyMap<string, string>,
  latest: ReadonlyMap<string, string>,
  manifest: KitManifest | undefined,
): KitUpdatePlan {
  const plan: KitUpdatePlan = {
    create: [],
    update: [],
    remove: [],
    unchanged: [],
    edited: [],
  };
  const generated = manifest?.files ?? {};
  const untouched = (path: string, content: string) =>
    generated[path] === hashOf(content);

  for (const [path, content] of latest) {
    const mine = current.get(path);
    if (mine === undefined) plan.create.push(path);
    else if (mine === content) plan.unchanged.push(path);
    else if (untouched(path, mine)) plan.update.push(path);
    else plan.edited.push(path);
  }
  for (const path of Object.keys(generated)) {
    const mine = current.get(path);
    if (latest.has(path) || mine === undefined) continue;
    if (untouched(path, mine)) plan.remove.push(path);
    else plan.edited.push(path);
  }
  for (const list of Object.values(plan)) list.sort();
  return plan;
}
