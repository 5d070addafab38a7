// The syntax of Serverless Framework variables: `${source:address, fallback, …}`, nestable
// (`${self:custom.${sls:stage}.table}`). `${AWS::Region}` and `${LogicalId}` are CloudFormation
// `Fn::Sub` placeholders, not variables, and stay as text, as Serverless leaves them.

export type Segment = { literal: string } | { variable: string; raw: string };

export type Reference =
  | { kind: 'variable'; source: string; argument?: string; address: string }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'nested'; text: string };

const VARIABLE_START = /^\s*[A-Za-z][A-Za-z0-9]*(\([^)]*\))?:(?!:)/;

/** Splits text into literal runs and top-level `${…}` variables (their inner text). */
export function splitVariables(text: string): Segment[] {
  const segments: Segment[] = [];
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf('${', index);
    if (start < 0) break;
    const end = matchingBrace(text, start + 2);
    if (end < 0) break;
    const inner = text.slice(start + 2, end);
    literal += text.slice(index, start);
    if (VARIABLE_START.test(inner)) {
      if (literal !== '') segments.push({ literal });
      literal = '';
      segments.push({ variable: inner, raw: text.slice(start, end + 1) });
    } else {
      literal += text.slice(start, end + 1);
    }
    index = end + 1;
  }
  literal += text.slice(index);
  if (literal !== '') segments.push({ literal });
  return segments;
}

/** Index of the `}` closing a `${` whose content starts at `from`, skipping nested ones and quotes. */
function matchingBrace(text: string, from: number): number {
  return scanOutsideQuotes(
    text,
    from,
    (char, depth) => char === '}' && depth === 0,
  );
}

/** Splits `a, 'b, c', ${d, e}` at the commas that are outside quotes and nested variables. */
export function splitFallbacks(inner: string): string[] {
  const commas: number[] = [];
  scanOutsideQuotes(inner, 0, (char, depth, index) => {
    if (char === ',' && depth === 0) commas.push(index);
    return false;
  });
  return [-1, ...commas].map((comma, i) =>
    inner.slice(comma + 1, commas[i] ?? inner.length).trim(),
  );
}

/**
 * Walks `text` from `from`, skipping quoted runs, and calls `stop` with each other character and
 * the number of `{` open before it; returns the index where `stop` said true, or -1.
 */
function scanOutsideQuotes(
  text: string,
  from: number,
  stop: (char: string, depth: number, index: number) => boolean,
): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (stop(char, depth, index)) {
      return index;
    } else if (char === '{') {
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
    }
  }
  return -1;
}

/** One entry of a variable: `source:address`, `source(arg):address`, a literal, or `${…}`. */
export function parseReference(part: string): Reference {
  const text = part.trim();
  const quoted = /^(['"])([\s\S]*)\1$/.exec(text);
  if (quoted) return { kind: 'literal', value: quoted[2] ?? '' };
  if (/^-?\d+(\.\d+)?$/.test(text))
    return { kind: 'literal', value: Number(text) };
  if (text === 'true' || text === 'false')
    return { kind: 'literal', value: text === 'true' };
  if (text === 'null') return { kind: 'literal', value: null };
  if (text.startsWith('${') && text.endsWith('}'))
    return { kind: 'nested', text };
  const match = /^([A-Za-z][A-Za-z0-9]*)(?:\(([^)]*)\))?:([\s\S]*)$/.exec(text);
  if (!match) return { kind: 'literal', value: text };
  const [, source = '', argument, address = ''] = match;
  return argument === undefined
    ? { kind: 'variable', source, address: address.trim() }
    : {
        kind: 'variable',
        source,
        argument: argument.trim(),
        address: address.trim(),
      };
}
