import { expect } from 'vitest';
import { addMonths } from '../../../src/lib/core/days';
import type { SalesData } from '../../../src/lib/data/types';
import { createRng } from '../../../src/lib/random/rng';
import { isoDay, makeSales, type SalesRow } from '../eda/make-sales';
import { exampleSales } from '../features/example-sales';

/** The built-in example, small: 2 stores × 2 products × 800 days (2022-01-01 … 2024-03-10), covariates price, promo, holiday, stockout. */
export const example = (): SalesData => exampleSales({ seed: 11, stores: 2, products: 2, days: 800 });

/** Weekly data stamped on Sundays: 2 stores, 3 years, a yearly wave, a promo flag and a price in cents. */
export function weeklySales(): SalesData {
  const rng = createRng(5);
  const first = isoDay('2021-01-03');
  const rows: SalesRow[] = [];
  for (const store of ['north', 'south']) {
    for (let w = 0; w < 156; w++) {
      const wave = 1 + 0.3 * Math.cos((2 * Math.PI * w) / 52);
      const sales = Math.max(0, Math.round((store === 'north' ? 200 : 80) * wave * (1 + 0.05 * rng.normal())));
      rows.push({ date: first + 7 * w, sales, store, promo: rng.next() < 0.2 ? 1 : 0, price: Math.round(300 + 50 * rng.next()) / 100 });
    }
  }
  return makeSales(rows, { keys: ['store'], covariates: ['promo', 'price'], frequency: 'weekly' });
}

/** One monthly series with no keys and no covariates, stamped on month-ends, sales with one decimal. */
export function monthlySales(months = 48): SalesData {
  const first = isoDay('2019-01-31');
  const rows: SalesRow[] = Array.from({ length: months }, (_, t) => ({
    date: addMonths(first, t),
    sales: Math.round(10 * (100 + 30 * Math.sin((2 * Math.PI * t) / 12) + t)) / 10,
  }));
  return makeSales(rows, { frequency: 'monthly' });
}

/** One daily series, no keys, no covariates: the plainest file an instructor could import. */
export function singleDailySales(days = 500): SalesData {
  const rng = createRng(9);
  const first = isoDay('2023-01-02');
  const weekly = [1, 0.9, 0.9, 1, 1.2, 1.5, 0.5];
  return makeSales(Array.from({ length: days }, (_, t) => ({ date: first + t, sales: Math.round(40 * weekly[t % 7]! * (1 + 0.1 * rng.normal())) })));
}

/** The last date of the data. */
export const lastDate = (data: SalesData): number => data.date.reduce((a, b) => Math.max(a, b), -Infinity);

/** The rows of `data` on or before `end` (the history) or after it (the future), as plain arrays. */
export function rowsOf(data: SalesData, which: 'past' | 'future', end: number) {
  const keep = Array.from(data.date, (d) => (which === 'past' ? d <= end : d > end));
  const pick = <T>(values: ArrayLike<T>) => Array.from(values).filter((_, i) => keep[i]);
  return {
    date: pick(data.date),
    series: pick(data.series),
    sales: pick(data.sales),
    covariates: Object.fromEntries(Object.entries(data.covariates).map(([name, column]) => [name, pick(column)])),
    rowLines: data.rowLines ? pick(data.rowLines) : undefined,
    rowFlags: data.rowFlags ? pick(data.rowFlags) : undefined,
  };
}

/** SalesData's invariants: rows sorted by (series, date) with one row per date, every series with rows, parallel columns. */
export function expectValidSales(data: SalesData): void {
  const n = data.date.length;
  const count = data.seriesLabels.length;
  expect(data.seriesKeyValues).toHaveLength(count);
  for (const values of data.seriesKeyValues) expect(values).toHaveLength(data.seriesKeys.length);
  expect(new Set(data.seriesLabels).size).toBe(count);
  expect(data.series).toHaveLength(n);
  expect(data.sales).toHaveLength(n);
  for (const column of Object.values(data.covariates)) expect(column).toHaveLength(n);
  if (data.rowLines) expect(data.rowLines).toHaveLength(n);
  if (data.rowFlags) expect(data.rowFlags).toHaveLength(n);
  const rows = new Int32Array(count);
  for (let i = 0; i < n; i++) {
    const s = data.series[i]!;
    expect(s >= 0 && s < count).toBe(true);
    rows[s]!++;
    if (i > 0) {
      const before = data.series[i - 1]!;
      expect(s > before || (s === before && data.date[i]! > data.date[i - 1]!)).toBe(true);
    }
  }
  expect(Array.from(rows).every((r) => r > 0)).toBe(true);
}

