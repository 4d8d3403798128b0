import { describe, expect, it } from 'vitest';
import { aggregateSalesOverTime } from '../../../src/lib/eda/aggregate-sales-over-time';
import { makeSales, type SalesRow } from './make-sales';

const rows: SalesRow[] = [
  { date: '2024-03-01', sales: 1, store: 'A', product: 'x' },
  { date: '2024-03-02', sales: 2, store: 'A', product: 'x' },
  { date: '2024-03-01', sales: 10, store: 'A', product: 'y' },
  { date: '2024-03-02', sales: NaN, store: 'A', product: 'y' },
  { date: '2024-03-01', sales: 100, store: 'B', product: 'x' },
  { date: '2024-03-03', sales: 300, store: 'B', product: 'x' },
];
const data = makeSales(rows, { keys: ['store', 'product'] });

describe('aggregateSalesOverTime', () => {
  it('aggregateSalesOverTime(data, {by:"total"}) sums recorded sales per date', () => {
    const result = aggregateSalesOverTime(data, { by: 'total' });
    expect(result.groups).toEqual(['total']);
    expect(result.rows).toEqual([
      { date: '2024-03-01', group: 'total', sales: 111 },
      { date: '2024-03-02', group: 'total', sales: 2 },
      { date: '2024-03-03', group: 'total', sales: 300 },
    ]);
  });

  it('aggregateSalesOverTime(data, {by:"key", key:"store"}) groups by that key column, largest first', () => {
    const result = aggregateSalesOverTime(data, { by: 'key', key: 'store' });
    expect(result.key).toBe('store');
    expect(result.groups).toEqual(['B', 'A']);
    expect(result.rows).toEqual([
      { date: '2024-03-01', group: 'B', sales: 100 },
      { date: '2024-03-01', group: 'A', sales: 11 },
      { date: '2024-03-02', group: 'A', sales: 2 },
      { date: '2024-03-03', group: 'B', sales: 300 },
    ]);
  });

  it('aggregateSalesOverTime(data, {by:"key"}) ranks groups with equal totals by label, and leaves out groups with no sales', () => {
    const tied = makeSales(
      [
        { date: '2024-01-01', sales: 5, shop: 'north' },
        { date: '2024-01-01', sales: 5, shop: 'east' },
        { date: '2024-01-01', sales: NaN, shop: 'west' },
        { date: '2024-01-01', sales: 9, shop: 'south' },
      ],
      { keys: ['shop'] },
    );
    expect(aggregateSalesOverTime(tied, { by: 'key' }).groups).toEqual(['south', 'east', 'north']);
  });

  it('aggregateSalesOverTime(data, {by:"key", key: 1}) picks the key by position; the first key by default', () => {
    expect(aggregateSalesOverTime(data, { by: 'key', key: 1 }).key).toBe('product');
    expect(aggregateSalesOverTime(data, { by: 'key' }).key).toBe('store');
    expect(() => aggregateSalesOverTime(data, { by: 'key', key: 'region' })).toThrow(/region/);
  });

  it('aggregateSalesOverTime(data, {by:"key"}) on data without keys is the total', () => {
    const single = makeSales([{ date: '2024-01-01', sales: 4 }]);
    const result = aggregateSalesOverTime(single, { by: 'key' });
    expect(result.by).toBe('total');
    expect(result.rows).toEqual([{ date: '2024-01-01', group: 'total', sales: 4 }]);
  });

  it('aggregateSalesOverTime(data, {by:"series", series}) keeps one series only', () => {
    const result = aggregateSalesOverTime(data, { by: 'series', series: 2 });
    expect(result.groups).toEqual(['store B · product x']);
    expect(result.rows.map((r) => r.sales)).toEqual([100, 300]);
    expect(aggregateSalesOverTime(data, { by: 'total', series: 0 }).rows.map((r) => r.sales)).toEqual([1, 2]);
  });

  it('aggregateSalesOverTime(data, {by:"series", maxGroups}) folds the smaller groups into "other"', () => {
    const many: SalesRow[] = Array.from({ length: 20 }, (_, s) => ({ date: '2024-01-01', sales: s + 1, shop: `s${s}` }));
    const result = aggregateSalesOverTime(makeSales(many, { keys: ['shop'] }), { by: 'series' });
    expect(result.groups).toHaveLength(13);
    expect(result.groups[0]).toBe('shop s19');
    expect(result.groups[12]).toBe('other (8 more)');
    expect(result.otherCount).toBe(8);
    expect(result.rows.find((r) => r.group === 'other (8 more)')?.sales).toBe(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8);
    expect(result.rows.reduce((sum, r) => sum + r.sales, 0)).toBe(210);
  });
});
