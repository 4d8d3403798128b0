import { describe, expect, it } from 'vitest';
import { minSeriesLength, validateSales } from '../../../src/lib/data/validate-sales';
import type { SalesData } from '../../../src/lib/data/types';
import * as messages from '../../../src/lib/messages/data';

/** A table as the generator would hand it over: no source lines, no flags. */
function table(series: number[], dates: number[]): SalesData {
  const labels = [...new Set(series)].map((s) => `s${s}`);
  return {
    date: Int32Array.from(dates),
    series: Int32Array.from(series),
    sales: Float64Array.from(dates, () => 1),
    covariates: {},
    seriesKeys: ['s'],
    seriesKeyValues: labels.map((label) => [label]),
    seriesLabels: labels,
    frequency: 'daily',
    mapping: { date: 'date', sales: 'sales', keys: ['s'], covariates: [] },
  };
}

describe('validateSales(data, options)', () => {
  it('minSeriesLength(horizon, frequency) is twice the horizon plus one season', () => {
    expect(minSeriesLength(28, 'daily')).toBe(63);
    expect(minSeriesLength(8, 'weekly')).toBe(68);
    expect(minSeriesLength(12, 'monthly')).toBe(36);
    expect(minSeriesLength(3, 'daily', 0)).toBe(6);
  });

  it('validateSales(data) finds duplicates and gaps, with CSV-like lines when the table has none', () => {
    const issues = validateSales(table([0, 0, 0, 0], [0, 1, 1, 4]));
    expect(issues.map((issue) => [issue.kind, issue.count, issue.examples[0]!.line])).toEqual([
      ['duplicate-rows', 1, 4],
      ['gaps', 2, 5],
    ]);
    expect(issues[1]!.message).toBe(messages.gapsInDates(2, 'daily', 1));
  });

  it('validateSales(data, { horizon }) lists the short series, and only with a horizon', () => {
    const data = table([0, 0, 0, 0, 0, 0, 1, 1], [0, 1, 2, 3, 4, 5, 0, 1]);
    expect(validateSales(data)).toEqual([]);
    const [issue] = validateSales(data, { horizon: 2, season: 2 });
    expect(issue).toMatchObject({ kind: 'series-too-short', count: 1, series: [1], severity: 'warning' });
    expect(issue!.message).toBe(messages.seriesTooShort({ count: 1, minLength: 6, horizon: 2, frequency: 'daily' }));
  });

  it('validateSales(data) of an empty table finds nothing', () => {
    expect(validateSales(table([], []), { horizon: 4 })).toEqual([]);
  });
});
