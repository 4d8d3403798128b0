import { describe, expect, it } from 'vitest';
import { formatFieldNumber } from '../../../src/lib/scope/format-field-number';

describe('formatFieldNumber(value)', () => {
  it('shows six significant digits at most, parseable back', () => {
    expect(formatFieldNumber((6 * 0.25) / 365)).toBe('0.00410959');
    expect(formatFieldNumber(10)).toBe('10');
    expect(formatFieldNumber(1234567.89)).toBe('1234570');
  });
});
