import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../data/ingest-csv';
import { dayToIso } from '../../../src/lib/core/days';
import { calendarRegressionForecast, solveSymmetric } from '../../../src/lib/models/calendar-regression';
import { readSharedDataset, day } from '../data/read-fixture';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';

// Golden values: tests/tools/calendar-regression-golden.R (R 4.2.2, lm on log z with trend, weekday and month).
const golden = JSON.parse(readFileSync(new URL('../../fixtures/models/calendar-regression-golden.json', import.meta.url), 'utf8')) as {
  cutoff: string;
  horizon: number;
  sigma: number;
  coefficients: Record<string, number>;
  rows: { series: string; date: string; p50: number; p10: number; p90: number }[];
};

describe('calendarRegressionForecast(data, { cutoff, horizon })', () => {
  it('reproduces R lm() on the store-item file: every point and 80 % bound within 5e-7 relative; coef(fit) and sigma by lm’s names', () => {
    const { data } = ingestCsv(readSharedDataset('store-item-demand-10-series.csv'));
    const { forecast, shared, fits } = calendarRegressionForecast(data, { cutoff: day(golden.cutoff), horizon: golden.horizon });
    const { coefficients, sigma, target } = shared as { coefficients: Record<string, number>; sigma: number; target: string };
    expect(target).toBe('log');
    expect(Object.keys(coefficients)).toEqual(Object.keys(golden.coefficients));
    for (const [name, value] of Object.entries(golden.coefficients)) expect(coefficients[name]! - value, name).toBeCloseTo(0, 6);
    expect(sigma / golden.sigma - 1).toBeCloseTo(0, 6);
    expect(fits.map((f) => f.form)).toEqual(Array<string>(10).fill('Calendar regression (log)'));
    const byKey = new Map<string, number>();
    for (let i = 0; i < forecast.p50.length; i++) byKey.set(`${data.seriesLabels[forecast.series[i]!]}|${dayToIso(forecast.date[i]!)}`, i);
    expect(golden.rows).toHaveLength(280);
    for (const row of golden.rows) {
      // The app keys series by its detected key columns: store1_item1 is 'store 1 · item 1'.
      const [, store, item] = /^store(\d+)_item(\d+)$/.exec(row.series)!;
      const i = byKey.get(`store ${store} · item ${item}|${row.date}`);
      expect(i, `${row.series} ${row.date}`).toBeDefined();
      expect(forecast.p50[i!]! / row.p50 - 1).toBeCloseTo(0, 6);
      expect(forecast.p10![i!]! / row.p10 - 1).toBeCloseTo(0, 6);
      expect(forecast.p90![i!]! / row.p90 - 1).toBeCloseTo(0, 6);
    }
  });

  it('reads known-in-advance covariates on the forecast dates (a promotion lifts its own days only)', () => {
    const rows: SalesRow[] = [];
    for (let d = 0; d < 400; d++) {
      const promo = d % 10 === 0 ? 1 : 0;
      rows.push({ date: isoDay('2022-01-01') + d, store: 'a', sales: 100 * (promo ? 1.5 : 1), promo });
    }
    const data = makeSales(rows, { keys: ['store'], covariates: ['promo'] });
    const cutoff = isoDay('2022-01-01') + 379;
    const { forecast } = calendarRegressionForecast(data, { cutoff, horizon: 20 });
    for (let i = 0; i < 20; i++) {
      const onPromo = (forecast.date[i]! - isoDay('2022-01-01')) % 10 === 0;
      // Within the whisper of ridge that keeps the system solvable.
      expect(forecast.p50[i]!).toBeCloseTo(onPromo ? 150 : 100, 4);
    }
  });

  it('falls back to the linear model when zeros are common, and never forecasts below zero', () => {
    const rows: SalesRow[] = [];
    for (let d = 0; d < 200; d++) rows.push({ date: isoDay('2022-01-01') + d, store: 'a', sales: d % 3 === 0 ? 0 : 6 });
    const data = makeSales(rows, { keys: ['store'] });
    const { forecast } = calendarRegressionForecast(data, { cutoff: isoDay('2022-01-01') + 189, horizon: 10 });
    for (const v of forecast.p50) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(v)).toBe(true);
    }
  });
});

describe('solveSymmetric(a, b, p)', () => {
  it('solves a positive definite system and refuses a singular one', () => {
    const x = solveSymmetric(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2)!;
    // 4x + 2y = 2, 2x + 3y = 1 → x = 0.5, y = 0.
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
    expect(solveSymmetric(new Float64Array([1, 1, 1, 1]), new Float64Array([1, 1]), 2)).toBeNull();
  });
});
