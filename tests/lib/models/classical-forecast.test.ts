import { describe, expect, it } from 'vitest';
import { classicalForecast } from '../../../src/lib/models/classical-forecast';
import { forecastTheta } from '../../../src/lib/models/classical/theta';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';

const start = isoDay('2023-01-02');

describe('classicalForecast(kind, data, { cutoff, horizon })', () => {
  it('fits each series on its own history up to the cutoff, on the period grid, and reports the form', () => {
    const rows: SalesRow[] = [];
    for (let d = 0; d < 120; d++) {
      rows.push({ date: start + d, store: 'a', sales: 20 + 5 * ((d % 7) === 5 ? 1 : 0) });
      rows.push({ date: start + d, store: 'b', sales: 3 + (d % 2) });
    }
    const data = makeSales(rows, { keys: ['store'] });
    const cutoff = start + 99;
    const { forecast, forms } = classicalForecast('theta', data, { cutoff, horizon: 14 });
    // The same series handed to the model directly: rows after the cutoff were never read.
    const direct = forecastTheta(Float64Array.from({ length: 100 }, (_, d) => 20 + 5 * ((d % 7) === 5 ? 1 : 0)), { season: 7, horizon: 14 });
    expect([...forecast.p50.subarray(0, 14)]).toEqual([...direct.p50].map((v) => Math.max(0, v)));
    expect(forms).toEqual(['Theta ×2']);
    expect([...forecast.series.subarray(14, 16)]).toEqual([1, 1]);
  });

  it('fills a missing period by interpolation, so a gap does not shift the season', () => {
    const full: number[] = Array.from({ length: 60 }, (_, d) => 10 + (d % 7));
    const rows: SalesRow[] = full.flatMap((sales, d) => (d === 30 ? [] : [{ date: start + d, store: 'a', sales }]));
    const data = makeSales(rows, { keys: ['store'] });
    const gap = classicalForecast('theta', data, { cutoff: start + 59, horizon: 7 }).forecast.p50;
    const filled = [...full];
    filled[30] = (full[29]! + full[31]!) / 2;
    const direct = forecastTheta(Float64Array.from(filled), { season: 7, horizon: 7 });
    expect([...gap]).toEqual([...direct.p50].map((v) => Math.max(0, v)));
  });

  it('never forecasts below zero, and leaves a series without history out (NaN), as the baselines do', () => {
    const rows: SalesRow[] = Array.from({ length: 40 }, (_, d) => ({ date: start + d, store: 'a', sales: Math.max(0, 40 - 2 * d) }));
    rows.push({ date: start + 50, store: 'late', sales: 5 });
    const data = makeSales(rows, { keys: ['store'] });
    const { forecast } = classicalForecast('ets', data, { cutoff: start + 39, horizon: 10 });
    for (const v of forecast.p50.subarray(0, 10)) expect(v).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(forecast.p50[10])).toBe(true);
  });
});
