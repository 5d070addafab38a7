// Reads CloudFormation values (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`, `Fn::ImportValue`)
// into plan values that the CDK construct can rebuild: references to resources the template
// declares, template parameters, pseudo parameters. Conditions, mappings and selections depend on
// deploy-time state, so they become parameters and findings, as unresolvable variables do.
import type { Expr, Finding, PseudoParameter, Value } from './plan.js';
import { concatValues, isValueExpr, parameterName } from './values.js';

const PSEUDO = new Set<string>([
  'AWS::AccountId',
  'AWS::Region',
  'AWS::Partition',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

export interface TemplateNames {
  /** Logical ids of the template's resources. */
  resources: Set<string>;
  /** The template's parameters and their defaults. */
  parameters: Record<string, { default?: string }>;
}

export class IntrinsicReader {
  readonly findings: Finding[] = [];
  /** Parameter names given to deploy-time expressions, and the expression each stands for. */
  private readonly deployTimeNames = new Map<string, string>();

  constructor(private readonly names: TemplateNames) {}

  /** The value of `node`, or undefined for `!Ref AWS::NoValue`; `where` names it in findings. */
  read(node: unknown, where: string): Value | undefined {
    if (typeof node === 'string') return node;
    if (typeof node === 'number' || typeof node === 'boolean')
      return String(node);
    if (isValueExpr(node)) return node;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      return this.unsupported(
        JSON.stringify(node),
        where,
        'it is not a single value',
      );
    }
    const [entry] = Object.entries(node);
    if (Object.keys(node).length !== 1 || entry === undefined) {
      return this.unsupported(
        JSON.stringify(node),
        where,
        'it is not a single value',
      );
    }
    const [name, argument] = entry;
    switch (name) {
      case 'Ref':
        return typeof argument === 'string'
          ? this.ref(argument, where)
          : this.bad(node, where);
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(argument) ? argument : [];
        if (typeof logicalId !== 'string' || typeof attribute !== 'string')
          return this.bad(node, where);
        return this.attribute(logicalId, attribute, where);
      }
      case 'Fn::Sub':
        return this.sub(argument, where);
      case 'Fn::Join': {
        const [separator, list] = Array.isArray(argument) ? argument : [];
        if (typeof separator !== 'string' || !Array.isArray(list))
          return this.bad(node, where);
        const parts = list.map(
          (item, i) => this.read(item, `${where}[${i}]`) ?? '',
        );
        return concatValues(
          parts.flatMap((part, i) => (i === 0 ? [part] : [separator, part])),
        );
      }
      case 'Fn::ImportValue': {
        const exportName = this.read(argument, where);
        return exportName === undefined
          ? this.bad(node, where)
          : { kind: 'import', exportName };
      }
      default:
        return this.deployTime(name, node, where);
    }
  }

  /**
   * `Fn::If`, `Fn::FindInMap`, `Fn::Select`…: a parameter named after where it stands (`TableFnIf`
   * for an environment variable TABLE), one per distinct expression, so that two different `!If`s
   * never share one parameter, while the same expression used twice does.
   */
  private deployTime(name: string, node: object, where: string): Expr {
    const key = JSON.stringify(node);
    const place = where.split('.').pop() ?? '';
    const base = parameterName(`${place} ${name}`);
    let parameter = base;
    for (
      let n = 2;
      this.deployTimeNames.has(parameter) &&
      this.deployTimeNames.get(parameter) !== key;
      n += 1
    ) {
      parameter = `${base}${n}`;
    }
    this.deployTimeNames.set(parameter, key);
    return this.unsupported(
      name,
      where,
      `${name} depends on deploy-time state`,
      parameter,
    );
  }

  private ref(name: string, where: string): Value | undefined {
    if (name === 'AWS::NoValue') return undefined;
    if (PSEUDO.has(name))
      return { kind: 'pseudo', name: name as PseudoParameter };
    if (name in this.names.parameters) {
      const fallback = this.names.parameters[name]?.default;
      const parameter: Expr = {
        kind: 'parameter',
        name: parameterName(name),
        reason: 'a parameter of the template',
      };
      return fallback === undefined ? parameter : { ...parameter, fallback };
    }
    if (this.names.resources.has(name))
      return { kind: 'resource', logicalId: name };
    return this.unsupported(
      `Ref ${name}`,
      where,
      `${name} is not declared in the template`,
    );
  }

  private attribute(
    logicalId: string,
    attribute: string,
    where: string,
  ): Value {
    if (this.names.resources.has(logicalId))
      return { kind: 'resource', logicalId, attribute };
    return this.unsupported(
      `GetAtt ${logicalId}.${attribute}`,
      where,
      `${logicalId} is not declared in the template`,
    );
  }

  private sub(argument: unknown, where: string): Value {
    const [text, variables] = Array.isArray(argument)
      ? argument
      : [argument, {}];
    if (typeof text !== 'string')
      return this.bad({ 'Fn::Sub': argument }, where);
    const locals = (
      typeof variables === 'object' && variables !== null ? variables : {}
    ) as Record<string, unknown>;
    const parts: Value[] = [];
    let rest = text;
    for (
      let match = /\$\{([^}]*)\}/.exec(rest);
      match;
      match = /\$\{([^}]*)\}/.exec(rest)
    ) {
      parts.push(rest.slice(0, match.index));
      const inner = match[1] ?? '';
      rest = rest.slice(match.index + match[0].length);
      if (inner.startsWith('!')) {
        parts.push(`\${${inner.slice(1)}}`); // `${!Literal}` is how Sub escapes a placeholder
      } else if (inner in locals) {
        parts.push(this.read(locals[inner], `${where}.${inner}`) ?? '');
      } else if (!PSEUDO.has(inner) && inner.includes('.')) {
        const dot = inner.indexOf('.');
        parts.push(
          this.attribute(inner.slice(0, dot), inner.slice(dot + 1), where),
        );
      } else {
        parts.push(this.ref(inner, where) ?? '');
      }
    }
    parts.push(rest);
    return concatValues(parts);
  }

  private bad(node: unknown, where: string): Value {
    return this.unsupported(
      JSON.stringify(node),
      where,
      'its arguments are not in a known form',
    );
  }

  private unsupported(
    subject: string,
    where: string,
    reason: string,
    name = parameterName(subject),
  ): Expr {
    this.findings.push({
      subject,
      detail: `became the CloudFormation parameter ${name}: ${reason}`,
      where,
    });
    return { kind: 'parameter', name, reason };
  }
}
