import type { AttributeValue } from 'aws-lambda';

/**
 * A DynamoDB number as `@Body()` gives it: a JavaScript `number` when that number prints back as
 * the same decimal (`String(value)` has the value DynamoDB sent), otherwise the decimal string
 * exactly as DynamoDB sent it (beyond 2^53, or more than 17 significant digits). Both survive
 * `JSON.stringify`; neither loses a digit.
 */
export type DynamoDbNumber = number | string;

/** An attribute value of a stream image, unmarshalled (see `DynamoDbNumber` for `N`). */
export type DynamoDbValue =
  | string
  | DynamoDbNumber
  | boolean
  | null
  | Uint8Array
  | DynamoDbValue[]
  | { [attribute: string]: DynamoDbValue };

/**
 * Stream images as plain values: maps become objects, lists arrays, sets arrays (in the order the
 * record lists them: a `Set` would stringify as `{}`), binary values `Uint8Array`s (the record
 * carries them base64-encoded), numbers per `DynamoDbNumber`.
 */
export function unmarshallImage(image: { [name: string]: AttributeValue }): {
  [attribute: string]: DynamoDbValue;
} {
  const item: { [attribute: string]: DynamoDbValue } = {};
  for (const name of Object.keys(image)) {
    // defineProperty, so that an attribute named `__proto__` stays an attribute.
    Object.defineProperty(item, name, {
      value: unmarshallValue(image[name]!),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return item;
}

function unmarshallValue(value: AttributeValue): DynamoDbValue {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return toNumber(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return toBytes(value.B);
  if (value.M !== undefined) return unmarshallImage(value.M);
  if (value.L !== undefined) return value.L.map(unmarshallValue);
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(toNumber);
  if (value.BS !== undefined) return value.BS.map(toBytes);
  throw new TypeError(
    `Unknown DynamoDB attribute value type: ${Object.keys(value).join(', ')}`,
  );
}

function toBytes(base64: string | Uint8Array): Uint8Array {
  if (typeof base64 !== 'string') return base64;
  const buffer = Buffer.from(base64, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A DynamoDB number: a `number` when it prints back as the same decimal, else its decimal string. */
export function toNumber(text: string): DynamoDbNumber {
  const value = Number(text);
  return Number.isFinite(value) &&
    canonicalDecimal(String(value)) === canonicalDecimal(text)
    ? value
    : text;
}

// A decimal as `<sign><digits>e<exponent>`, without leading or trailing zeros, so that `1.50`,
// `15E-1` and `1.5` compare equal.
function canonicalDecimal(text: string): string | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  let digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return '0';
  let power = Number(exponent) - fraction.length;
  const significant = digits.replace(/0+$/, '');
  power += digits.length - significant.length;
  digits = significant;
  return `${sign === '-' ? '-' : ''}${digits}e${power}`;
}
