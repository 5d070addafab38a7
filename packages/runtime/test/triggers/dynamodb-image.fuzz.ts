import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toNumber } from '../../src/triggers/dynamodb-image.js';

const RUNS = { numRuns: 10_000 };

describe('DynamoDB numbers (fuzz)', () => {
  it('gives every finite double back as that number', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (value) => {
          expect(toNumber(String(value))).toBe(
            Object.is(value, -0) ? 0 : value,
          );
        },
      ),
      RUNS,
    );
  });

  it('never loses a digit: a number prints back as the same value, or the text stays', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.bigInt({ min: 0n, max: 10n ** 38n }),
        fc.integer({ min: 0, max: 38 }),
      )
      .map(([sign, digits, scale]) => {
        const text = digits.toString().padStart(scale + 1, '0');
        return scale === 0
          ? `${sign}${text}`
          : `${sign}${text.slice(0, -scale)}.${text.slice(-scale)}`;
      });
    fc.assert(
      fc.property(decimal, (text) => {
        const value = toNumber(text);
        if (typeof value === 'string') expect(value).toBe(text);
        else expect(toNumber(String(value)) === value).toBe(true);
        // toFixed() writes exponents from 1e21 on.
        if (typeof value === 'number' && Math.abs(value) < 1e21) {
          // The same decimal value: compare as exact rationals through BigInt.
          const [whole, fraction = ''] = text.replace('-', '').split('.');
          const scaled = BigInt(whole! + fraction);
          const [vWhole, vFraction = ''] = Math.abs(value)
            .toFixed(Math.min(100, fraction.length))
            .split('.');
          expect(BigInt(vWhole! + vFraction)).toBe(scaled);
        }
      }),
      RUNS,
    );
  });
});
