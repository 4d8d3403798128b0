import { describe, expect, it } from 'vitest';
import { exploreSales } from '../../../src/lib/eda/explore-sales';
import { createRng } from '../../../src/lib/random/rng';
import { makeSales, simulateSales } from './make-sales';

describe('exploreSales', () => {
  const rows = simulateSales({ rng: createRng(21), days: 364, stores: 4, products: 4, promoUplift: 1.4, elasticity: -1.2 });
  rows[100]!.sales = 5000; // one wild day in the first series
  for (let t = 200; t < 214; t++) rows[364 + t]!.sales = 0; // a two-week stock-out in the second
  const data = makeSales(rows, { keys: ['store', 'product'], covariates: ['promo', 'price'] });
  const result = exploreSales(data);

  it('exploreSales(data) reports the table, its columns and its time span', () => {
    expect(result).toMatchObject({ rowCount: 16 * 364, seriesCount: 16, frequency: 'daily', start: '2024-01-01', end: '2024-12-29' });
    expect(result.columns.map((c) => c.name)).toEqual(['date', 'store', 'product', 'sales', 'promo', 'price']);
  });

  it('exploreSales(data) finds the weekly peak, the promotion uplift, the elasticity, the outlier and the stock-out', () => {
    const weekly = result.seasonality.find((p) => p.period === 'day-of-week');
    expect(weekly?.peakSlot).toBe(5);
    expect(result.seasonality.map((p) => p.period)).toEqual(['day-of-week', 'month']);
    expect(result.promo?.flag).toBe('promo');
    expect(result.promo?.uplift).toBeGreaterThan(1.4 * 0.95);
    expect(result.promo?.uplift).toBeLessThan(1.4 * 1.05);
    expect(result.price?.excluded).toEqual(['promo']);
    expect(result.price?.elasticity).toBeCloseTo(-1.2, 1);
    expect(result.outliers.rows[0]).toMatchObject({ series: 0, date: '2024-04-10', value: 5000 });
    expect(result.outliers.focus?.series).toBe(0);
    expect(result.outliers.focus?.rows).toHaveLength(364);
    expect(result.zeroRuns.runs[0]).toMatchObject({ series: 1, length: 14, position: 'middle' });
  });

  it('exploreSales(data) decomposes total sales into a weekly pattern peaking on Saturday', () => {
    if (!result.decomposition.ok) throw new Error(result.decomposition.reason);
    expect(result.decomposition.period).toBe(7);
    expect(result.decomposition.rows).toHaveLength(364);
    const saturday = result.decomposition.rows[5];
    const best = Math.max(...result.decomposition.rows.slice(0, 7).map((r) => r.seasonal ?? -Infinity));
    expect(saturday?.seasonal).toBe(best);
    expect(result.decomposition.rows[0]?.trend).toBeNull();
  });

  it('exploreSales(data) groups sales over time by the first key, and by another on request', () => {
    expect(result.salesOverTime.groups).toEqual(['total']);
    expect(result.salesByGroup?.key).toBe('store');
    expect(result.salesByGroup?.groups).toHaveLength(4);
    expect(exploreSales(data, { groupKey: 'product' }).salesByGroup?.key).toBe('product');
  });

  it('exploreSales(data) is plain data that survives JSON, with at most 2,000 scatter points', () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.price?.points.length).toBeLessThanOrEqual(2000);
    // Aggregates only: a few hundred kilobytes at most, whatever the number of rows.
    expect(JSON.stringify(result).length).toBeLessThan(500_000);
  });

  it('exploreSales(data, {promo: null, price: null}) skips what the user says is not there; a single series has no grouping', () => {
    const single = makeSales(simulateSales({ rng: createRng(2), days: 10, stores: 1, products: 1 }));
    const small = exploreSales(single, { promo: null, price: null });
    expect(small.promo).toBeNull();
    expect(small.price).toBeNull();
    expect(small.salesByGroup).toBeNull();
    expect(small.decomposition.ok).toBe(false);
  });
});
