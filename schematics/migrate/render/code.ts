// A minimal code builder for generated TypeScript: it collects named imports while fragments are
// rendered, so a file imports exactly what its body uses. Prettier formats the result.

export class ImportSet {
  private readonly modules = new Map<string, Set<string>>();
  private readonly types = new Map<string, Set<string>>();
  /** Which module each local name came from, to alias a name two modules export. */
  private readonly owners = new Map<string, string>();

  /**
   * Records `name` from `module` and returns the local name to use inline:
   * `imports.use('aws-cdk-lib', 'Duration')`. When another module already took the name
   * (`LogGroupLogDestination` is in both API Gateway modules), it is imported under an alias.
   */
  use(module: string, name: string): string {
    const owner = this.owners.get(name);
    const local =
      owner === undefined || owner === module
        ? name
        : `${aliasPrefix(module)}${name}`;
    this.owners.set(local, module);
    const names = this.modules.get(module) ?? new Set<string>();
    names.add(local === name ? name : `${name} as ${local}`);
    this.modules.set(module, names);
    return local;
  }

  useType(module: string, name: string): string {
    const names = this.types.get(module) ?? new Set<string>();
    names.add(name);
    this.types.set(module, names);
    return name;
  }

  /** Import lines, packages first, then relative modules, each sorted. */
  render(): string {
    const modules = [
      ...new Set([...this.modules.keys(), ...this.types.keys()]),
    ].sort((a, b) => {
      const relative = Number(a.startsWith('.')) - Number(b.startsWith('.'));
      return relative !== 0 ? relative : a.localeCompare(b);
    });
    return modules
      .map((module) => {
        const values = [...(this.modules.get(module) ?? [])].sort();
        const types = [...(this.types.get(module) ?? [])]
          .filter((t) => !values.includes(t))
          .sort();
        const names = [...values, ...types.map((t) => `type ${t}`)];
        if (values.length === 0)
          return `import type { ${types.join(', ')} } from '${module}';`;
        return `import { ${names.join(', ')} } from '${module}';`;
      })
      .join('\n');
  }
}

/** `aws-cdk-lib/aws-apigatewayv2` → `Apigatewayv2`. */
function aliasPrefix(module: string): string {
  const last = module.split('/').pop() ?? module;
  const word = last.replace(/^aws-/, '').replace(/[^A-Za-z0-9]/g, '');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A JSON-like TypeScript literal of plain data, with single-quoted strings. */
export function literal(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(
      ([key, item]) =>
        `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${literal(item)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A camelCase identifier from a logical id or name: `OrdersQueue` → `ordersQueue`. */
export function identifier(name: string): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? ['value'];
  const camel = words
    .map((word, i) =>
      i === 0
        ? word.charAt(0).toLowerCase() + word.slice(1)
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join('');
  return /^[0-9]/.test(camel) ? `_${camel}` : camel;
}
