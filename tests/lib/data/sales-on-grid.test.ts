import { describe, expect, it } from 'vitest';
import { salesOnGrid } from '../../../src/lib/data/sales-on-grid';
import { Scratch } from '../../../src/lib/core/scratch';
import { makeSales } from '../eda/make-sales';

describe('salesOnGrid', () => {
  // Shop a: 1 Mar, (2 Mar missing), 3 Mar with no recorded sales, 4 Mar twice; shop b: 1–2 Mar.
  const data = makeSales(
    [
      { date: '2024-03-01', sales: 5, shop: 'a' },
      { date: '2024-03-03', sales: NaN, shop: 'a' },
      { date: '2024-03-04', sales: 2, shop: 'a' },
      { date: '2024-03-04', sales: 1, shop: 'a' },
      { date: '2024-03-01', sales: 7, shop: 'b' },
      { date: '2024-03-02', sales: 8, shop: 'b' },
    ],
    { keys: ['shop'] },
  );

  it('salesOnGrid(data, {from, to}) sums one series per day, NaN where nothing was recorded', () => {
    const grid = salesOnGrid(data, { from: 0, to: 4 });
    expect(Array.from(grid.values)).toEqual([5, NaN, NaN, 3]);
    expect(Array.from(grid.slotOfRow)).toEqual([0, 2, 3, 3]);
    expect(Array.from(grid.days, (d) => d - (grid.days[0] as number))).toEqual([0, 1, 2, 3]);
  });

  it('salesOnGrid(data, {from, to, scratch}) gives the same grid in views of reused memory, whatever it held', () => {
    const scratch = new Scratch(2);
    scratch.take(2).fill(99);
    scratch.takeInt32(8).fill(99);
    scratch.reset();
    for (const [from, to] of [[0, 4], [4, 6]] as const) {
      const reused = salesOnGrid(data, { from, to, scratch });
      const fresh = salesOnGrid(data, { from, to });
      expect([reused.values, reused.days, reused.slotOfRow].map((a) => Array.from(a))).toEqual([fresh.values, fresh.days, fresh.slotOfRow].map((a) => Array.from(a)));
    }
  });
});
