import { describe, expect, it } from 'vitest';
import { addMonths, civilFromDays, dayOfWeek, daysInMonth } from '../../../src/lib/core/days';
import { pearsonCorrelation } from '../../../src/lib/features/pearson-correlation';
import { seriesRows } from '../../../src/lib/features/series-rows';
import { scenarioMessages } from '../../../src/lib/messages/scenarios';
import { continueSales, continueSalesWithSteps, GROWTH_RANGE } from '../../../src/lib/scenarios/continue-sales';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';
import { example, expectValidSales, lastDate, monthlySales, rowsOf, singleDailySales, weeklySales } from './world-fixtures';

const history = example();
const end = lastDate(history);

/** Per series, its future rows' sales (the rows after `end`). */
function futureSales(data: ReturnType<typeof continueSales>, s: number): number[] {
  const offsets = seriesRows(data);
  const out: number[] = [];
  for (let r = offsets[s]!; r < offsets[s + 1]!; r++) if (data.date[r]! > end) out.push(data.sales[r]!);
  return out;
}

describe('continueSales({ history, periods, seed })', () => {
  it('adds `periods` days to every series on the daily grid, keeping series, columns and the (series, date) order', () => {
    const world = continueSales({ history, periods: 30, seed: 1 });
    expectValidSales(world);
    expect(world.seriesLabels).toEqual(history.seriesLabels);
    expect(world.seriesKeyValues).toEqual(history.seriesKeyValues);
    expect(world.frequency).toBe('daily');
    expect(Object.keys(world.covariates)).toEqual(Object.keys(history.covariates));
    expect(world.date).toHaveLength(history.date.length + 4 * 30);
    const future = rowsOf(world, 'future', end);
    for (let s = 0; s < 4; s++) {
      const dates = future.date.filter((_, i) => future.series[i] === s);
      expect(dates).toEqual(Array.from({ length: 30 }, (_, t) => end + 1 + t));
    }
  });

  it('leaves the history rows as they were, and the input untouched', () => {
    const before = rowsOf(history, 'past', end);
    const world = continueSales({ history, periods: 10, seed: 1 });
    expect(rowsOf(world, 'past', end)).toEqual(before);
    expect(rowsOf(history, 'past', end)).toEqual(before);
    expect(history.date).toHaveLength(before.date.length);
  });

  it('is deterministic by seed: the same seed gives the same rows, another seed other sales', () => {
    const a = continueSales({ history, periods: 60, seed: 3 });
    expect(continueSales({ history, periods: 60, seed: 3 })).toEqual(a);
    expect(Array.from(continueSales({ history, periods: 60, seed: 4 }).sales)).not.toEqual(Array.from(a.sales));
  });

  it('draws each series from its own stream: more periods only append rows', () => {
    const short = rowsOf(continueSales({ history, periods: 20, seed: 8 }), 'future', end);
    const long = rowsOf(continueSales({ history, periods: 40, seed: 8 }), 'future', end);
    for (let s = 0; s < 4; s++) {
      const first20 = long.sales.filter((_, i) => long.series[i] === s).slice(0, 20);
      expect(first20).toEqual(short.sales.filter((_, i) => short.series[i] === s));
    }
  });

  it('keeps the weekly pattern of daily data: future weekday means correlate with the history’s', () => {
    const world = continueSales({ history, periods: 364, seed: 2 });
    const means = (which: 'past' | 'future') => {
      const rows = rowsOf(world, which, end);
      const [sum, count] = [new Array<number>(7).fill(0), new Array<number>(7).fill(0)];
      rows.date.forEach((d, i) => {
        sum[dayOfWeek(d)]! += rows.sales[i]!;
        count[dayOfWeek(d)]!++;
      });
      return sum.map((s, k) => s / count[k]!);
    };
    expect(pearsonCorrelation(means('past'), means('future'))).toBeGreaterThan(0.9);
  });

  it('stays realistic: whole, non-negative sales; 0/1 flags stay flags; the year-over-year level close to history', () => {
    const world = continueSales({ history, periods: 200, seed: 5 });
    const future = rowsOf(world, 'future', end);
    expect(future.sales.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    for (const flag of ['promo', 'holiday', 'stockout']) expect(future.covariates[flag]!.every((v) => v === 0 || v === 1)).toBe(true);
    for (let s = 0; s < 4; s++) {
      const next = futureSales(world, s);
      const offsets = seriesRows(history);
      const yearAgo = Array.from(history.sales.subarray(offsets[s + 1]! - 364, offsets[s + 1]! - 364 + 200));
      const ratio = next.reduce((a, b) => a + b, 0) / yearAgo.reduce((a, b) => a + b, 0);
      expect(ratio).toBeGreaterThan(GROWTH_RANGE[0] - 0.05);
      expect(ratio).toBeLessThan(GROWTH_RANGE[1] + 0.05);
    }
  });

  it('replays covariates from the same row one year (364 days) earlier, then from the simulated year', () => {
    const world = continueSales({ history, periods: 400, seed: 5 });
    const offsets = seriesRows(world);
    const price = world.covariates.price!;
    for (let r = offsets[0]!; r < offsets[1]!; r++) {
      if (world.date[r]! <= end) continue;
      const yearAgo = r - 364;
      expect(world.date[yearAgo]).toBe(world.date[r]! - 364);
      expect(price[r]).toBe(price[yearAgo]);
      expect(world.covariates.holiday![r]).toBe(world.covariates.holiday![yearAgo]);
    }
  });

  it('grows each series by its year-over-year ratio, clamped to [0.8, 1.25]; by 1 with less than two years', () => {
    const first = isoDay('2022-01-03');
    const rows: SalesRow[] = [];
    for (let t = 0; t < 728; t++) rows.push({ date: first + t, sales: t < 364 ? 10 : 30, store: 'boom' });
    for (let t = 0; t < 728; t++) rows.push({ date: first + t, sales: t < 364 ? 100 : 110, store: 'steady' });
    for (let t = 364; t < 728; t++) rows.push({ date: first + t, sales: 50, store: 'young' });
    const data = makeSales(rows, { keys: ['store'] });
    const world = continueSales({ history: data, periods: 364, seed: 1 });
    const future = rowsOf(world, 'future', first + 727);
    const mean = (s: number) => {
      const v = future.sales.filter((_, i) => future.series[i] === s);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    expect(mean(0) / 30).toBeCloseTo(1.25, 1);
    expect(mean(1) / 110).toBeCloseTo(1.1, 1);
    expect(mean(2) / 50).toBeCloseTo(1, 1);
  });

  it('falls back to the series’ recent mean where the year-ago value is missing (a short series, a NaN)', () => {
    const first = isoDay('2024-01-01');
    const data = makeSales(Array.from({ length: 30 }, (_, t) => ({ date: first + t, sales: t % 2 === 0 ? 10 : 20 })));
    const world = continueSales({ history: data, periods: 100, seed: 2 });
    const future = rowsOf(world, 'future', first + 29).sales;
    expect(future).toHaveLength(100);
    const mean = future.reduce((a, b) => a + b, 0) / future.length;
    expect(mean).toBeGreaterThan(13.5);
    expect(mean).toBeLessThan(16.5);
  });

  it('continues weekly data on each series’ weekday, 7 days apart, after the end of the data', () => {
    const data = weeklySales();
    const { data: world, step, start } = continueSalesWithSteps({ history: data, periods: 52, seed: 1 });
    expectValidSales(world);
    const last = lastDate(data);
    expect(start).toBe(last + 7);
    const future = rowsOf(world, 'future', last);
    expect(future.date).toHaveLength(2 * 52);
    expect(new Set(future.date.map(dayOfWeek))).toEqual(new Set([dayOfWeek(last)]));
    expect(Array.from(step).filter((t) => t >= 0)).toEqual([...Array.from({ length: 52 }, (_, t) => t), ...Array.from({ length: 52 }, (_, t) => t)]);
    // The yearly wave comes back: each future week resembles the same week a year earlier.
    const past = rowsOf(world, 'past', last);
    const lastYear = past.sales.filter((_, i) => past.series[i] === 0).slice(-52);
    expect(pearsonCorrelation(lastYear, future.sales.slice(0, 52))).toBeGreaterThan(0.8);
    expect(future.covariates.price!.every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9)).toBe(true);
  });

  it('continues monthly data with calendar months (month-ends stay month-ends) and keeps one decimal', () => {
    const data = monthlySales();
    const world = continueSales({ history: data, periods: 14, seed: 1 });
    expectValidSales(world);
    const last = lastDate(data);
    const future = rowsOf(world, 'future', last);
    expect(future.date).toEqual(Array.from({ length: 14 }, (_, k) => addMonths(last, k + 1)));
    for (const d of future.date) {
      const { year, month, day } = civilFromDays(d);
      expect(day).toBe(daysInMonth(year, month));
    }
    expect(future.sales.every((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 && v >= 0)).toBe(true);
    expect(world.seriesLabels).toEqual(['all']);
  });

  it('starts every series after the end of the whole data, even one that ended early', () => {
    const first = isoDay('2024-01-01');
    const data = makeSales(
      [...Array.from({ length: 20 }, (_, t) => ({ date: first + t, sales: 5, store: 'A' })), ...Array.from({ length: 10 }, (_, t) => ({ date: first + t, sales: 7, store: 'B' }))],
      { keys: ['store'] },
    );
    const world = continueSales({ history: data, periods: 3, seed: 1 });
    const future = rowsOf(world, 'future', first + 19);
    expect(future.date).toEqual([first + 20, first + 21, first + 22, first + 20, first + 21, first + 22]);
    // B is shorter than a year: it replays its own mean (7) with a little noise.
    expect(future.sales.slice(3).every((v) => v >= 5 && v <= 9)).toBe(true);
  });

  it('extends rowLines and rowFlags with 0 for the rows no file held', () => {
    const data = { ...singleDailySales(30), rowLines: Int32Array.from({ length: 30 }, (_, i) => i + 2), rowFlags: new Uint8Array(30).fill(4) };
    const world = continueSales({ history: data, periods: 5, seed: 1 });
    expect(Array.from(world.rowLines!)).toEqual([...Array.from({ length: 30 }, (_, i) => i + 2), 0, 0, 0, 0, 0]);
    expect(Array.from(world.rowFlags!)).toEqual([...new Array<number>(30).fill(4), 0, 0, 0, 0, 0]);
  });

  it('returns the history alone for 0 periods, and refuses what it cannot continue', () => {
    expect(rowsOf(continueSales({ history, periods: 0, seed: 1 }), 'past', end)).toEqual(rowsOf(history, 'past', end));
    expect(() => continueSales({ history, periods: -1, seed: 1 })).toThrow(RangeError);
    expect(() => continueSales({ history, periods: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => continueSales({ history, periods: 1, seed: 0.5 })).toThrow(scenarioMessages.notSeed(0.5));
    expect(() => continueSales({ history: makeSales([]), periods: 1, seed: 1 })).toThrow(scenarioMessages.noHistory());
  });
});
