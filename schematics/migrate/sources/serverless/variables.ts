// Resolves Serverless Framework variables in the parts of serverless.yml that a migration reads.
// What is known when migrating is substituted (`${self:…}`, `${sls:stage}`, `${opt:…}` and
// fallbacks, `${param:…}`, `${file(…):…}`); what is known only later becomes an expression the CDK
// construct evaluates (`${env:X}` at synth time, `${ssm:/p}` and `${aws:region}` at deploy time);
// anything else becomes a CloudFormation parameter and a finding, so the report can list it.
import type { Expr, Finding, Value } from '../../plan/plan.js';
import { concatValues, isValueExpr, parameterName } from '../../plan/values.js';
import {
  parseReference,
  splitFallbacks,
  splitVariables,
  type Reference,
} from './variable-syntax.js';

export interface VariableSources {
  /** The whole serverless.yml, for `${self:…}`. */
  self: Record<string, unknown>;
  stage: string;
  /** `${opt:…}` values; the migrate command passes none, so fallbacks apply. */
  options: Record<string, string>;
  /** `${param:…}` values of the stage. */
  params: Record<string, unknown>;
  /** Parsed content of a file named by `${file(…)}`, relative to serverless.yml. */
  readFile(path: string): unknown;
}

type Outcome = { ok: true; value: unknown } | { ok: false; reason: string };

const NOT_FOUND = (what: string): Outcome => ({
  ok: false,
  reason: `${what} has no value`,
});

export class VariableResolver {
  readonly findings: Finding[] = [];
  /** Values read later than migration time (`env:` at synth, `ssm:` at deploy), for the report. */
  readonly notes: Finding[] = [];

  constructor(private readonly sources: VariableSources) {}

  /** A deep copy of `value` with its variables resolved; `where` names it in findings. */
  resolve(value: unknown, where: string): unknown {
    return this.walk(value, where, []);
  }

  private walk(value: unknown, where: string, stack: string[]): unknown {
    if (typeof value === 'string')
      return this.resolveString(value, where, stack);
    if (Array.isArray(value))
      return value.map((item, i) => this.walk(item, `${where}[${i}]`, stack));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          this.walk(item, `${where}.${key}`, stack),
        ]),
      );
    }
    return value;
  }

  private resolveString(text: string, where: string, stack: string[]): unknown {
    const segments = splitVariables(text);
    const [only] = segments;
    if (segments.length === 1 && only && 'variable' in only) {
      return this.variable(only.variable, only.raw, where, stack);
    }
    const parts: Value[] = segments.map((segment) => {
      if ('literal' in segment) return segment.literal;
      const resolved = this.variable(
        segment.variable,
        segment.raw,
        where,
        stack,
      );
      if (typeof resolved === 'string' || isValueExpr(resolved))
        return resolved;
      if (typeof resolved === 'number' || typeof resolved === 'boolean')
        return String(resolved);
      return this.unresolved(
        segment.raw,
        where,
        'it is not text and sits inside a string',
      );
    });
    return concatValues(parts);
  }

  private variable(
    inner: string,
    raw: string,
    where: string,
    stack: string[],
  ): unknown {
    if (stack.includes(raw))
      return this.unresolved(raw, where, 'it refers to itself');
    let firstFailure: string | undefined;
    const parts = splitFallbacks(inner);
    for (const [index, part] of parts.entries()) {
      const outcome = this.reference(
        parseReference(part),
        parts.slice(index + 1),
        where,
        [...stack, raw],
      );
      if (outcome.ok) return outcome.value;
      firstFailure ??= outcome.reason;
    }
    return this.unresolved(raw, where, firstFailure ?? 'it has no value');
  }

  private reference(
    reference: Reference,
    rest: string[],
    where: string,
    stack: string[],
  ): Outcome {
    if (reference.kind === 'literal')
      return { ok: true, value: reference.value };
    if (reference.kind === 'nested') {
      const inner = splitVariables(reference.text)[0];
      if (!inner || !('variable' in inner)) return NOT_FOUND(reference.text);
      const before = this.findings.length;
      const value = this.variable(inner.variable, inner.raw, where, stack);
      // A nested fallback that could not resolve is not final: the next fallback may.
      if (this.findings.length > before) {
        this.findings.length = before;
        return NOT_FOUND(reference.text);
      }
      return { ok: true, value };
    }
    const address = this.text(reference.address, where, stack);
    if (address === undefined)
      return { ok: false, reason: 'its address is not known yet' };
    const { source } = reference;
    switch (source) {
      case 'self':
        return this.lookup(
          this.sources.self,
          address,
          `self:${address}`,
          where,
          stack,
        );
      case 'sls':
        return address === 'stage'
          ? { ok: true, value: this.sources.stage }
          : {
              ok: false,
              reason: `sls:${address} is known only when Serverless deploys`,
            };
      case 'opt':
        return address in this.sources.options
          ? { ok: true, value: this.sources.options[address] }
          : {
              ok: false,
              reason: `the --${address} option is not given when migrating`,
            };
      case 'param':
        return this.lookup(
          this.sources.params,
          address,
          `param:${address}`,
          where,
          stack,
        );
      case 'env':
        this.note(
          `\${env:${address}}`,
          'is read from the environment of `cdk synth`',
          where,
        );
        return { ok: true, value: this.envExpr(address, rest, where, stack) };
      case 'ssm':
        return address.includes('~true') || address.includes('secretsmanager')
          ? {
              ok: false,
              reason:
                'a secure SSM or Secrets Manager value cannot be put in the environment in clear',
            }
          : this.ssm(address, where);
      case 'aws':
        if (address === 'region')
          return { ok: true, value: { kind: 'pseudo', name: 'AWS::Region' } };
        if (address === 'accountId') {
          return {
            ok: true,
            value: { kind: 'pseudo', name: 'AWS::AccountId' },
          };
        }
        return { ok: false, reason: `aws:${address} is not a known value` };
      case 'file':
        return this.file(reference.argument ?? '', address, where, stack);
      default:
        return {
          ok: false,
          reason: `the ${source}: source is read only when Serverless deploys`,
        };
    }
  }

  private envExpr(
    name: string,
    rest: string[],
    where: string,
    stack: string[],
  ): Expr {
    if (rest.length === 0) return { kind: 'env', name };
    const fallback = this.variable(
      rest.join(', '),
      `\${${rest.join(', ')}}`,
      where,
      stack,
    );
    return typeof fallback === 'string' || isValueExpr(fallback)
      ? { kind: 'env', name, fallback }
      : { kind: 'env', name, fallback: JSON.stringify(fallback) };
  }

  private file(
    argument: string,
    address: string,
    where: string,
    stack: string[],
  ): Outcome {
    const path = this.text(argument, where, stack);
    if (path === undefined)
      return { ok: false, reason: 'its file name is not known yet' };
    const content = this.sources.readFile(path);
    if (content === undefined)
      return { ok: false, reason: `${path} cannot be read as YAML or JSON` };
    return this.lookup(
      content,
      address,
      `file(${path}):${address}`,
      where,
      stack,
    );
  }

  private lookup(
    root: unknown,
    address: string,
    label: string,
    where: string,
    stack: string[],
  ): Outcome {
    let current = root;
    for (const key of address === '' ? [] : address.split('.')) {
      // `custom.settings: ${file(…)}` then `${self:custom.settings.key}`: resolve on the way down.
      if (typeof current === 'string')
        current = this.walk(current, where, stack);
      if (typeof current !== 'object' || current === null)
        return NOT_FOUND(label);
      current = (current as Record<string, unknown>)[key];
    }
    if (current === undefined || current === null) return NOT_FOUND(label);
    return { ok: true, value: this.walk(current, where, stack) };
  }

  /** Resolves variables inside an address or a file name, which must end up plain text. */
  private text(
    value: string,
    where: string,
    stack: string[],
  ): string | undefined {
    const before = this.findings.length;
    const resolved = this.resolveString(value, where, stack);
    if (this.findings.length > before) this.findings.length = before;
    return typeof resolved === 'string' ? resolved : undefined;
  }

  private ssm(path: string, where: string): Outcome {
    this.note(
      `\${ssm:${path}}`,
      'is read from SSM Parameter Store when the stack deploys',
      where,
    );
    return { ok: true, value: { kind: 'ssm', path } satisfies Expr };
  }

  private note(subject: string, detail: string, where: string): void {
    if (
      !this.notes.some(
        (note) => note.subject === subject && note.where === where,
      )
    ) {
      this.notes.push({ subject, detail, where });
    }
  }

  private unresolved(raw: string, where: string, reason: string): Expr {
    const name = parameterName(raw);
    this.findings.push({
      subject: raw,
      detail: `became the CloudFormation parameter ${name}: ${reason}`,
      where,
    });
    return { kind: 'parameter', name, reason };
  }
}
