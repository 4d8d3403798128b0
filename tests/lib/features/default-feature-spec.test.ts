import { describe, expect, it } from 'vitest';
import { defaultFeatureSpec, ONE_HOT_MAX_SERIES } from '../../../src/lib/features/default-feature-spec';
import { parseFeatureSpec } from '../../../src/lib/features/parse-feature-spec';
import type { Frequency } from '../../../src/lib/data/types';
import { makeSales, type SalesRow } from '../eda/make-sales';
import { exampleSales } from './example-sales';

const DAY = 86_400_000;
const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** `series` series of `periods` periods each (days, Friday-stamped weeks or month starts), with the given columns. */
function panel(frequency: Frequency, periods: number, series = 2, columns: Record<string, (t: number) => number> = {}): ReturnType<typeof makeSales> {
  const rows: SalesRow[] = [];
  for (let s = 0; s < series; s++) {
    for (let t = 0; t < periods; t++) {
      const date = frequency === 'daily' ? 19_000 + t : frequency === 'weekly' ? 19_002 + 7 * t : iso(Date.UTC(2010, t, 1) / DAY);
      const row: SalesRow = { date, sales: 10 + s + (t % 5), id: `S${s}` };
      for (const [name, value] of Object.entries(columns)) row[name] = value(t);
      rows.push(row);
    }
  }
  return makeSales(rows, { keys: ['id'], covariates: Object.keys(columns), frequency });
}

describe('defaultFeatureSpec(data)', () => {
  it('defaultFeatureSpec(example) has daily lags 1–7, 14, 21, 28, rolling 7/28, weekday, cyclic month, holiday with distances', () => {
    expect(defaultFeatureSpec(exampleSales({ stores: 2, products: 3, days: 400 }))).toEqual({
      version: 1,
      lags: [1, 2, 3, 4, 5, 6, 7, 14, 21, 28],
      rolling: [{ window: 7, stats: ['mean', 'std'] }, { window: 28, stats: ['mean', 'std'] }],
      calendar: { dayOfWeek: true, month: true, monthEncoding: 'cyclic', weekOfYear: false, holiday: 'holiday', holidayDistance: true },
      covariates: ['price', 'promo'],
      seriesIdentity: 'one-hot',
      target: 'series-scale',
      scale: 'standard',
    });
  });

  it('defaultFeatureSpec(data) leaves out a stockout flag (not known in advance) and unplanned columns like customers', () => {
    const data = panel('daily', 100, 2, { Price: () => 2, onpromotion: () => 0, stock_out: () => 0, customers: (t) => t, SchoolHoliday: () => 1 });
    const spec = defaultFeatureSpec(data);
    expect(spec.covariates).toEqual(['Price', 'onpromotion']);
    expect(spec.calendar.holiday).toBe('SchoolHoliday');
  });

  it('defaultFeatureSpec(weekly data) has lags 1–4, 8, 13, 52, rolling 4/13, week of year, an IsHoliday flag without distances', () => {
    const spec = defaultFeatureSpec(panel('weekly', 143, 3, { IsHoliday: (t) => (t % 52 === 10 ? 1 : 0) }));
    expect(spec.lags).toEqual([1, 2, 3, 4, 8, 13, 52]);
    expect(spec.rolling.map((r) => r.window)).toEqual([4, 13]);
    expect(spec.calendar).toEqual({ dayOfWeek: false, month: true, monthEncoding: 'cyclic', weekOfYear: true, holiday: 'IsHoliday', holidayDistance: false });
  });

  it('defaultFeatureSpec(weekly data) drops lag 52 when the series are shorter than two years', () => {
    expect(defaultFeatureSpec(panel('weekly', 80)).lags).toEqual([1, 2, 3, 4, 8, 13]);
  });

  it('defaultFeatureSpec(monthly data) has lags 1–3, 6, 12, rolling 3/12 and twelve month one-hots', () => {
    const spec = defaultFeatureSpec(panel('monthly', 60, 1));
    expect(spec.lags).toEqual([1, 2, 3, 6, 12]);
    expect(spec.rolling.map((r) => r.window)).toEqual([3, 12]);
    expect(spec.calendar.monthEncoding).toBe('one-hot');
    expect(spec.seriesIdentity).toBe('none');
  });

  it(`defaultFeatureSpec(data) uses one-hot series identity up to ${ONE_HOT_MAX_SERIES} series, a level column beyond`, () => {
    expect(defaultFeatureSpec(panel('daily', 60, ONE_HOT_MAX_SERIES)).seriesIdentity).toBe('one-hot');
    expect(defaultFeatureSpec(panel('daily', 60, ONE_HOT_MAX_SERIES + 1)).seriesIdentity).toBe('level');
  });

  it('defaultFeatureSpec(data) survives parseFeatureSpec(JSON) unchanged', () => {
    const spec = defaultFeatureSpec(exampleSales({ stores: 1, products: 2, days: 120 }));
    expect(parseFeatureSpec(JSON.stringify(spec))).toEqual({ ok: true, spec });
  });
});
