import { describe, expect, it } from 'vitest';
import { formatMetric, formatMetricDelta, HEADLINE_FORMAT } from '../../../src/lib/format/format-metric';

describe('formatMetric(value, format) and formatMetricDelta(delta, format)', () => {
  it('formatMetric(value, format) shows fractions and percents with one decimal, undefined as "–"', () => {
    expect(formatMetric(0.1234, 'fraction')).toBe('12.3%');
    expect(formatMetric(12.34, 'percent')).toBe('12.3%');
    expect(formatMetric(1234.5, 'money')).toBe('1,235');
    expect(formatMetric(0.12345, 'number')).toBe('0.123');
    expect(formatMetric(null, 'number')).toBe('–');
    expect(formatMetric(Number.NaN, 'fraction')).toBe('–');
  });

  it('HEADLINE_FORMAT shows WAPE, coverage and sMAPE as percentages, the others as numbers', () => {
    const show = (key: keyof typeof HEADLINE_FORMAT, value: number | null) => formatMetric(value, HEADLINE_FORMAT[key]);
    expect([show('wape', 0.2), show('coverage80', 0.781), show('smape', 20), show('mase', 0.8), show('cost', null)])
      .toEqual(['20.0%', '78.1%', '20.0%', '0.8', '–']);
  });

  it('formatMetricDelta(delta, format) gives percentages in points, other metrics as signed numbers', () => {
    expect([formatMetricDelta(-0.1, 'fraction'), formatMetricDelta(0, 'fraction'), formatMetricDelta(1.25, 'percent')])
      .toEqual(['−10.0 pp', '0 pp', '+1.3 pp']);
    expect([formatMetricDelta(250, 'money'), formatMetricDelta(null, 'number')]).toEqual(['+250', '–']);
  });
});
