import { describe, expect, it } from 'vitest';
import { isMissingValue, parseNumber } from '../../../src/lib/data/parse-number';

describe('parseNumber(text, options)', () => {
  it('parseNumber(text) reads plain numbers on the fast path', () => {
    expect(parseNumber('13')).toBe(13);
    expect(parseNumber('-15.25')).toBe(-15.25);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('12 ')).toBe(12);
  });

  it('parseNumber(text) absorbs thousands separators, currency, spaces and accounting negatives', () => {
    expect(parseNumber('1,234.50')).toBe(1234.5);
    expect(parseNumber('$1,234')).toBe(1234);
    expect(parseNumber('12 €')).toBe(12);
    expect(parseNumber('1 234')).toBe(1234);
    expect(parseNumber('(12.50)')).toBe(-12.5);
    expect(parseNumber('+7')).toBe(7);
    expect(parseNumber('1.234.567')).toBe(1234567);
  });

  it('parseNumber(text, { decimalComma }) reads European decimals', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,234', { decimalComma: true })).toBe(1.234);
    expect(parseNumber('1,234')).toBe(1234);
  });

  it('parseNumber(text, { booleans }) reads flags as 1/0 only when asked', () => {
    expect(parseNumber('TRUE', { booleans: true })).toBe(1);
    expect(parseNumber('no', { booleans: true })).toBe(0);
    expect(parseNumber('TRUE')).toBeNaN();
  });

  it('parseNumber(text) is NaN for text, empty cells and infinities', () => {
    for (const text of ['', ' ', 'NA', '#VALUE!', '12 units', 'Infinity', '1e999', '-', '1,2,3', 'abc']) {
      expect(parseNumber(text), text).toBeNaN();
    }
  });

  it('parseNumber(text) reads decimals only: hexadecimal, binary and octal literals are text, not 16, 3 and 7', () => {
    for (const text of ['0x10', '0X1F', '0b11', '0B1', '0o7', '0O17']) expect(parseNumber(text), text).toBeNaN();
    // A leading zero is still a decimal number.
    expect(parseNumber('012')).toBe(12);
    expect(parseNumber('0.5')).toBe(0.5);
    expect(parseNumber('0')).toBe(0);
  });

  it('isMissingValue(text) tells empty cells and NA tokens from text', () => {
    for (const text of ['', '  ', 'NA', 'n/a', 'NaN', 'null', 'None', '-', '#N/A']) expect(isMissingValue(text), text).toBe(true);
    for (const text of ['#VALUE!', 'zero', '0']) expect(isMissingValue(text), text).toBe(false);
  });
});
