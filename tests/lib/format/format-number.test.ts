import { describe, expect, it } from 'vitest';
import { formatDelta, formatNumber, formatUplift } from '../../../src/lib/format/format-number';

describe('formatNumber(value)', () => {
  it('keeps about four significant digits and separates thousands', () => {
    expect(formatNumber(28.3456)).toBe('28.35');
    expect(formatNumber(123.456)).toBe('123.5');
    expect(formatNumber(18260)).toBe('18,260');
    expect(formatNumber(0.12345)).toBe('0.123');
    expect(formatNumber(0)).toBe('0');
  });
  it('writes tiny and huge values in exponent form and nothing as a dash', () => {
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
  });
});

describe('formatUplift(ratio)', () => {
  it('reads a ratio as a signed percentage change', () => {
    expect(formatUplift(1.4)).toBe('+40%');
    expect(formatUplift(0.95)).toBe('-5.0%');
    expect(formatUplift(null)).toBe('–');
  });
});

describe('formatDelta(delta)', () => {
  it('is signed, with a true minus', () => {
    expect([formatDelta(-0.1), formatDelta(1234.5), formatDelta(0), formatDelta(null)]).toEqual(['−0.1', '+1,235', '0', '–']);
  });
});
