/** The module a function's entry boots, and how the entry (in `src/functions/`) imports it. */
export interface FunctionModule {
  className: string;
  importPath: string;
}

/** A function's own feature module, `src/<name>/<name>.module.ts`: the root of its module graph. */
export function featureModule(name: string, className: string): FunctionModule {
  return {
    className: `${className}Module`,
    importPath: `../${name}/${name}.module.js`,
  };
}
