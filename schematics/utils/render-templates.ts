import {
  apply,
  filter,
  move,
  pathTemplate,
  type Rule,
  type Source,
  url,
} from '@angular-devkit/schematics';
import ejs from 'ejs';
import { fileURLToPath } from 'node:url';

/** The package's `templates/` folder, found from this file in `dist/schematics/utils/`. */
export const TEMPLATES_ROOT = fileURLToPath(
  new URL('../../../templates/', import.meta.url),
);

/**
 * Renders one folder of `templates/` into `destination`: `__name__` in paths becomes the name,
 * `.ejs` files are rendered with ejs and lose the extension, everything else is copied as it is.
 */
export function renderTemplates(
  folder: string,
  context: Record<string, unknown>,
  destination: string,
  include: (path: string) => boolean = () => true,
): Source {
  return apply(url(TEMPLATES_ROOT + folder), [
    filter((path) => include(path)),
    pathTemplate(context as Record<string, string>),
    renderEjs(context),
    move(destination),
  ]);
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
