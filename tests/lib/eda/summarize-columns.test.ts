import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarizeColumns } from '../../../src/lib/eda/summarize-columns';
import { sortFinite } from '../../../src/lib/core/finite';
import { mean, quantile, skewness, std } from '../../../src/lib/core/statistics';
import { summaryReference as reference } from '../core/summary-reference';
import { expectClose } from '../evaluate/expect-close';
import { makeSales, type SalesRow } from './make-sales';

describe('summarizeColumns', () => {
  const rows: SalesRow[] = [
    { date: '2024-01-01', sales: 0, store: 'A', promo: 0, price: 2.5 },
    { date: '2024-01-02', sales: 4, store: 'A', promo: 1, price: 2 },
    { date: '2024-01-03', sales: NaN, store: 'A', promo: 0 },
    { date: '2024-01-01', sales: 8, store: 'B', promo: 1, price: 3 },
    { date: '2024-01-02', sales: 12, store: 'B', promo: 0, price: 3 },
  ];
  const columns = summarizeColumns(makeSales(rows, { keys: ['store'], covariates: ['promo', 'price'] }));
  const byName = Object.fromEntries(columns.map((c) => [c.name, c]));

  it('summarizeColumns(data) lists date, keys, sales, covariates in that order with their types', () => {
    expect(columns.map((c) => [c.name, c.role, c.type])).toEqual([
      ['date', 'date', 'date'],
      ['store', 'key', 'categorical'],
      ['sales', 'sales', 'numeric'],
      ['promo', 'covariate', 'flag'],
      ['price', 'covariate', 'numeric'],
    ]);
  });

  it('summarizeColumns(data) gives the date range as days and ISO labels', () => {
    expect(byName.date).toMatchObject({ count: 5, missing: 0, distinct: 3, minLabel: '2024-01-01', maxLabel: '2024-01-03' });
    expect(byName.date?.max).toBe((byName.date?.min ?? 0) + 2);
  });

  it('summarizeColumns(data) counts categories by rows', () => {
    expect(byName.store).toMatchObject({ count: 5, missing: 0, distinct: 2, top: [{ value: 'A', count: 3 }, { value: 'B', count: 2 }] });
    expect(byName.store?.mean).toBeNull();
  });

  it('summarizeColumns(data) lists the top values by rows, ties by value, a blank key as missing', () => {
    const shops = ['b', 'a', '', 'c', 'a', 'b'].map((shop, i) => ({ date: '2024-01-01', sales: i, shop }));
    expect(summarizeColumns(makeSales(shops, { keys: ['shop'] }))[1]).toMatchObject({
      count: 5,
      missing: 1,
      distinct: 3,
      top: [{ value: 'a', count: 2 }, { value: 'b', count: 2 }, { value: 'c', count: 1 }],
    });
  });

  it('summarizeColumns(data) counts missing values and skips them in the statistics', () => {
    expect(byName.sales).toMatchObject({ count: 4, missing: 1, distinct: 4, min: 0, max: 12, mean: 6 });
    expect(byName.sales?.quantiles?.p50).toBe(6);
    expect(byName.sales?.std).toBeCloseTo(Math.sqrt(80 / 3), 12);
    expect(byName.sales?.skew).toBeCloseTo(0, 12);
    expect(byName.price).toMatchObject({ count: 4, missing: 1, distinct: 3 });
    expect(byName.promo).toMatchObject({ count: 5, distinct: 2, mean: 0.4 });
  });

  it('summarizeColumns(data) gives nulls, not NaN, for a column with no values', () => {
    const empty = summarizeColumns(makeSales([{ date: 1, sales: NaN }]));
    expect(empty[1]).toMatchObject({ count: 0, missing: 1, mean: null, std: null, skew: null, quantiles: null, min: null });
  });
});

describe('summarizeColumns against numpy/scipy (../shared/reference/summary.json)', () => {
  it('summarizeColumns(data) reports the same numbers for the sales column', () => {
    const data = makeSales(reference.values.map((sales, i) => ({ date: 18_000 + i, sales })));
    const column = summarizeColumns(data).find((c) => c.role === 'sales');
    const q = reference.numpy_linear_quantiles;
    expect(column?.count).toBe(reference.values.length);
    expectClose(column?.quantiles?.p05 ?? NaN, q['0.05'] as number);
    expectClose(column?.quantiles?.p25 ?? NaN, q['0.25'] as number);
    expectClose(column?.quantiles?.p50 ?? NaN, q['0.5'] as number);
    expectClose(column?.quantiles?.p75 ?? NaN, q['0.75'] as number);
    expectClose(column?.quantiles?.p95 ?? NaN, q['0.95'] as number);
    expectClose(column?.mean ?? NaN, reference.mean);
    expectClose(column?.std ?? NaN, reference.std_ddof1);
    expectClose(column?.skew ?? NaN, reference.skew);
    expect(column?.min).toBe(q['0']);
    expect(column?.max).toBe(q['1']);
  });
});

describe('summarizeColumns over columns of every kind', () => {
  /** The summary's numbers as ../core/statistics.ts gives them from the sorted column (itself checked against numpy/scipy). */
  function fromSorted(values: number[]) {
    const { sorted, missing, distinct } = sortFinite(values);
    const figure = (x: number) => (Number.isFinite(x) ? x : null);
    const n = sorted.length;
    return {
      count: n,
      missing,
      distinct,
      min: n > 0 ? sorted[0] : null,
      max: n > 0 ? sorted[n - 1] : null,
      quantiles: n > 0 ? { p05: quantile(sorted, 0.05), p25: quantile(sorted, 0.25), p50: quantile(sorted, 0.5), p75: quantile(sorted, 0.75), p95: quantile(sorted, 0.95) } : null,
      mean: figure(mean(sorted)),
      std: figure(std(sorted, { ddof: 1 })),
      skew: figure(skewness(sorted)),
    };
  }

  // Whole numbers and cents are counted into buckets, anything else sorted: both must give the sorted column's
  // figures to the last bit, whatever the mix of signs, repeats, gaps in the range and missing values.
  const whole = fc.integer({ min: -40, max: 400 });
  const cents = fc.integer({ min: -5000, max: 5000 }).map((c) => c / 100);
  const tenths = fc.integer({ min: 0, max: 300 }).map((c) => c / 10);
  const anyDouble = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const spread = fc.integer({ min: -1e9, max: 1e9 });
  const missing = fc.constantFrom(NaN, Infinity, -Infinity);
  const columns = fc.oneof(
    ...[whole, cents, tenths, anyDouble, spread].map((values) => fc.array(fc.oneof({ weight: 9, arbitrary: values }, { weight: 1, arbitrary: missing }), { maxLength: 60 })),
    fc.array(fc.oneof(whole, cents, anyDouble, missing), { maxLength: 60 }),
  );

  it('summarizeColumns(data) gives each numeric column exactly the figures of its sorted values', () => {
    fc.assert(
      fc.property(columns, columns, (sales, price) => {
        const rows = sales.map((value, i) => ({ date: 18_000 + i, sales: value, price: price[i] ?? NaN }));
        if (rows.length === 0) return;
        const [, salesColumn, priceColumn] = summarizeColumns(makeSales(rows, { covariates: ['price'] }));
        expect(salesColumn).toMatchObject(fromSorted(sales));
        expect(priceColumn).toMatchObject(fromSorted(rows.map((row) => row.price)));
      }),
      { seed: 20261204, numRuns: 400 },
    );
  });

  it('summarizeColumns(data) calls a covariate of zeros and ones a flag, and nothing else', () => {
    const rows = [0, 1, 1, NaN, 0].map((flag, i) => ({ date: 18_000 + i, sales: i, flag, share: flag / 2, single: 1 }));
    const types = summarizeColumns(makeSales(rows, { covariates: ['flag', 'share', 'single'] })).map((column) => column.type);
    expect(types.slice(2)).toEqual(['flag', 'numeric', 'flag']);
  });
});
