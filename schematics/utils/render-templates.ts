import {
  apply,
  filter,
  mergeWith,
  move,
  pathTemplate,
  type Rule,
  type Source,
  url,
} from '@angular-devkit/schematics';
import ejs from 'ejs';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's `templates/` folder, found from this file in `dist/schematics/utils/`. */
export const TEMPLATES_ROOT = fileURLToPath(
  new URL('../../../templates/', import.meta.url),
);

/**
 * Renders one folder of `templates/` into `destination`: `__name__` in paths becomes the name,
 * `.ejs` files are rendered with ejs and lose the extension, everything else is copied as it is.
 * Given layers of folders (`triggerTemplates`), a file of a later folder replaces the file of the
 * same path in an earlier one.
 */
export function renderTemplates(
  folder: string | readonly string[],
  context: Record<string, unknown>,
  destination: string,
  include: (path: string) => boolean = () => true,
): Source {
  return apply(layered(typeof folder === 'string' ? [folder] : folder), [
    filter((path) => include(path)),
    pathTemplate(context as Record<string, string>),
    renderEjs(context),
    move(destination),
  ]);
}

/** The folders' files as one tree: each file from the last folder that has its path. */
function layered(folders: readonly string[]): Source {
  const [first, ...rest] = folders.map((folder, index) => {
    const later = folders.slice(index + 1);
    return apply(url(TEMPLATES_ROOT + folder), [
      filter(
        (path) =>
          !later.some((over) => existsSync(TEMPLATES_ROOT + over + path)),
      ),
    ]);
  });
  if (first === undefined) throw new Error('renderTemplates needs a folder');
  return apply(
    first,
    rest.map((layer) => mergeWith(layer)),
  );
}

function renderEjs(context: Record<string, unknown>): Rule {
  return (tree) => {
    const templates: string[] = [];
    tree.visit((path) => {
      if (path.endsWith('.ejs')) templates.push(path);
    });
    for (const path of templates) {
      const source = tree.readText(path);
      // `escape: String` keeps `<%= %>` from HTML-escaping quotes and angle brackets in code.
      const rendered = ejs.render(source, context, {
        filename: path,
        escape: String,
      });
      tree.create(path.slice(0, -'.ejs'.length), rendered);
      tree.delete(path);
    }
    return tree;
  };
}
