import { describe, expect, it } from 'vitest';
import { minSeriesLength, tooShortToTrain, validateSales } from '../../../src/lib/data/validate-sales';
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

  it('validateSales(data, { horizon }) of series all too short stops training, and names the horizon the longest allows', () => {
    const data = table([0, 0, 0, 0, 0, 0, 1, 1], [0, 1, 2, 3, 4, 5, 0, 1]);
    const [issue] = validateSales(data, { horizon: 3, season: 2 });
    expect(issue).toMatchObject({ kind: 'series-too-short', count: 2, severity: 'warning', actions: [] });
    // The longest series has 6 days; 2 × 2 + 2 = 6, so a horizon of 2 days fits.
    expect(issue!.message).toBe('All 2 series are shorter than 8 days, the least needed to forecast 3 days ahead and check the forecast (twice the horizon plus one season). The longest has 6 days. Explore shows the data as it is; Features and Train stop until you set the forecast horizon to 2 days or fewer on the Scope stage, or use a longer history.');
    expect(tooShortToTrain([issue!])).toBe(issue!.message);
    const [none] = validateSales(data, { horizon: 3, season: 6 });
    expect(none!.message).toContain('The longest has 6 days. Explore shows the data as it is; Features and Train stop until you use a file with a longer history.');
    // Some series long enough: a warning with choices, and training goes on.
    const [some] = validateSales(data, { horizon: 2, season: 2 });
    expect(some!.actions.length).toBeGreaterThan(0);
    expect(tooShortToTrain([some!])).toBeNull();
  });

  it('validateSales(data) of an empty table finds nothing', () => {
    expect(validateSales(table([], []), { horizon: 4 })).toEqual([]);
  });
});
