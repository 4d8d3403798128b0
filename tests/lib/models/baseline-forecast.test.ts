import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateMessages } from '../../../src/lib/messages/evaluate';
import { baselineForecast } from '../../../src/lib/models/baseline-forecast';
import { DEFAULT_MOVING_AVERAGE_WINDOW, movingAverageForecast } from '../../../src/lib/models/moving-average-forecast';
import { naiveForecast } from '../../../src/lib/models/naive-forecast';
import { seasonalNaiveForecast } from '../../../src/lib/models/seasonal-naive-forecast';
import type { BaselineKind } from '../../../src/lib/models/types';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';

const DAY0 = isoDay('2024-01-01');
const daily = (store: string, values: number[], first = DAY0): SalesRow[] => values.map((sales, t) => ({ date: first + t, sales, store }));
const p50 = (result: { forecast: { p50: Float64Array } }) => Array.from(result.forecast.p50);

describe('naiveForecast(data, { cutoff, horizon })', () => {
  it('repeats the last observed value up to the cutoff, skipping NaN sales, for every series', () => {
    const data = makeSales([...daily('A', [1, 2, 3, NaN, 99]), ...daily('B', [5, 6, 7, 8, 99])], { keys: ['store'] });
    const result = naiveForecast(data, { cutoff: DAY0 + 3, horizon: 3 });
    expect(p50(result)).toEqual([3, 3, 3, 8, 8, 8]);
    expect(Array.from(result.forecast.series)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(result.forecast.step)).toEqual([1, 2, 3, 1, 2, 3]);
    expect(Array.from(result.forecast.date)).toEqual([DAY0 + 4, DAY0 + 5, DAY0 + 6, DAY0 + 4, DAY0 + 5, DAY0 + 6]);
    expect(result).toMatchObject({ kind: 'naive', cutoff: DAY0 + 3, horizon: 3, parameter: null, noHistory: [], warnings: [] });
  });

  it('forecasts NaN for a series with no sales up to the cutoff, and reports it', () => {
    const data = makeSales([...daily('A', [1, 2, 3]), ...daily('B', [4, 5], DAY0 + 5), ...daily('C', [NaN, NaN, NaN])], { keys: ['store'] });
    const result = naiveForecast(data, { cutoff: DAY0 + 2, horizon: 2 });
    expect(p50(result)).toEqual([3, 3, NaN, NaN, NaN, NaN]);
    expect(result.noHistory).toEqual([1, 2]);
    expect(result.warnings).toEqual([evaluateMessages.noHistory(2)]);
    // B has no rows up to the cutoff: its forecast dates still follow the calendar after the cutoff.
    expect(Array.from(result.forecast.date.subarray(2, 4))).toEqual([DAY0 + 3, DAY0 + 4]);
  });
});

describe('seasonalNaiveForecast(data, { cutoff, horizon, season })', () => {
  const fourteen = Array.from({ length: 14 }, (_, t) => t + 1);

  it('repeats the last season, ŷ(c+k) = y(c+k − m·⌈k/m⌉), with m = 7 for daily data', () => {
    const data = makeSales(daily('A', fourteen));
    const result = seasonalNaiveForecast(data, { cutoff: DAY0 + 13, horizon: 10 });
    expect(result.parameter).toBe(7);
    expect(p50(result)).toEqual([8, 9, 10, 11, 12, 13, 14, 8, 9, 10]);
  });

  it('falls back to the season before when the same period last season has no sales', () => {
    const values = fourteen.map((v, t) => (t === 8 ? NaN : v));
    const result = seasonalNaiveForecast(makeSales(daily('A', values)), { cutoff: DAY0 + 13, horizon: 3 });
    expect(p50(result)).toEqual([8, 2, 10]);
  });

  it('uses the last observed value for steps less than a season of history cannot cover, and says so', () => {
    const result = seasonalNaiveForecast(makeSales(daily('A', [1, 2, 3])), { cutoff: DAY0 + 2, horizon: 5, season: 4 });
    // Step 1 → period −2 … none; step 2 → period 0 (value 1); step 3 → 2; step 4 → 3; step 5 → none.
    expect(p50(result)).toEqual([3, 1, 2, 3, 3]);
    expect(result.warnings).toEqual([evaluateMessages.shortSeasonalHistory(1, 4)]);
  });

  it('takes its season from the frequency (52 weekly, 12 monthly) and keeps each series’ stamps', () => {
    const months = Array.from({ length: 24 }, (_, t) => ({ date: isoDay(`${2022 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01`), sales: t }));
    const monthly = seasonalNaiveForecast(makeSales(months, { frequency: 'monthly' }), { cutoff: isoDay('2023-12-31'), horizon: 2 });
    expect(monthly.parameter).toBe(12);
    expect(p50(monthly)).toEqual([12, 13]);
    expect(Array.from(monthly.forecast.date)).toEqual([isoDay('2024-01-01'), isoDay('2024-02-01')]);

    const sundays = Array.from({ length: 60 }, (_, t) => ({ date: isoDay('2023-01-01') + 7 * t, sales: t }));
    const weekly = seasonalNaiveForecast(makeSales(sundays, { frequency: 'weekly' }), { cutoff: isoDay('2023-01-01') + 7 * 59, horizon: 1 });
    expect(weekly.parameter).toBe(52);
    expect(p50(weekly)).toEqual([8]);
    expect(weekly.forecast.date[0]).toBe(isoDay('2023-01-01') + 7 * 60);
  });
});

describe('movingAverageForecast(data, { cutoff, horizon, window })', () => {
  it('averages the last window observed values (default 7 / 4 / 3 for daily / weekly / monthly), flat over the horizon', () => {
    expect(DEFAULT_MOVING_AVERAGE_WINDOW).toEqual({ daily: 7, weekly: 4, monthly: 3 });
    const values = Array.from({ length: 10 }, (_, t) => t + 1);
    const result = movingAverageForecast(makeSales(daily('A', values)), { cutoff: DAY0 + 9, horizon: 2 });
    expect(result.parameter).toBe(7);
    expect(p50(result)).toEqual([7, 7]);
  });

  it('skips NaN sales and averages what a short series has', () => {
    const result = movingAverageForecast(makeSales(daily('A', [2, NaN, 4, 6])), { cutoff: DAY0 + 3, horizon: 1, window: 3 });
    expect(p50(result)).toEqual([4]);
    const short = movingAverageForecast(makeSales(daily('A', [2, 4])), { cutoff: DAY0 + 1, horizon: 1, window: 5 });
    expect(p50(short)).toEqual([3]);
  });
});

describe('baselineForecast(kind, data, { cutoff, horizon, … })', () => {
  const data = makeSales(daily('A', Array.from({ length: 21 }, (_, t) => (t % 7) * 10 + t)));
  const options = { cutoff: DAY0 + 20, horizon: 7, window: 3, season: 7 };

  it.each<BaselineKind>(['naive', 'seasonal-naive', 'moving-average'])('dispatches %s to its baseline', (kind) => {
    const direct = { naive: naiveForecast, 'seasonal-naive': seasonalNaiveForecast, 'moving-average': movingAverageForecast }[kind](data, options);
    expect(baselineForecast(kind, data, options)).toEqual(direct);
  });

  it('reads nothing after the cutoff: changing later sales changes no baseline (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<BaselineKind>('naive', 'seasonal-naive', 'moving-average'),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (kind, history, futureA, futureB) => {
          const cutoff = DAY0 + history.length - 1;
          const a = baselineForecast(kind, makeSales(daily('A', [...history, ...futureA])), { cutoff, horizon: 5 });
          const b = baselineForecast(kind, makeSales(daily('A', [...history, ...futureB])), { cutoff, horizon: 5 });
          const alone = baselineForecast(kind, makeSales(daily('A', history)), { cutoff, horizon: 5 });
          expect(a.forecast).toEqual(b.forecast);
          expect(a.forecast).toEqual(alone.forecast);
        },
      ),
      { seed: 11, numRuns: 150 },
    );
  });
});
