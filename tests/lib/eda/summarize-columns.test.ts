import { describe, expect, it } from 'vitest';
import { summarizeColumns } from '../../../src/lib/eda/summarize-columns';
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
