import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { toArqueroTable } from '../../../src/lib/eda/to-arquero-table';
import { makeSales } from './make-sales';

describe('toArqueroTable', () => {
  it('toArqueroTable(data) has date, series, sales, one column per key and per covariate, row for row', () => {
    const data = makeSales(
      [
        { date: 1, sales: 3, store: 'A', promo: 1 },
        { date: 2, sales: 4, store: 'A', promo: 0 },
        { date: 1, sales: 10, store: 'B', promo: 0 },
      ],
      { keys: ['store'], covariates: ['promo'] },
    );
    const table = toArqueroTable(data);
    expect(table.columnNames()).toEqual(['date', 'series', 'sales', 'store', 'promo']);
    expect(table.numRows()).toBe(3);
    const byStore = table.groupby('store').rollup({ sales: aq.op.sum('sales') }).orderby('store').objects();
    expect(byStore).toEqual([
      { store: 'A', sales: 7 },
      { store: 'B', sales: 10 },
    ]);
  });

  it('toArqueroTable(data) prefixes a key or covariate whose name clashes with a fixed column', () => {
    const data = makeSales([{ date: 1, sales: 3, series: 'x', date2: 1 }], { keys: ['series'] });
    expect(toArqueroTable(data).columnNames()).toEqual(['date', 'series', 'sales', 'key:series']);
  });
});
