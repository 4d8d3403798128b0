import { describe, expect, it } from 'vitest';
import { gridDate, periodGrid } from '../../../src/lib/core/period-grid';
import { exampleSales } from '../features/example-sales';

const data = exampleSales({ stores: 1, products: 2, days: 60, seed: 5 });
const end = data.date.reduce((m, d) => Math.max(m, d), -Infinity);

describe('periodGrid(data, { historyEnd, periods })', () => {
  it('lays the rows after historyEnd out as periods × series, −1 where a series has no row', () => {
    const grid = periodGrid(data, { historyEnd: end - 10, periods: 10 });
    expect(grid.dates.length).toBe(10);
    expect(grid.series).toBe(2);
    expect(gridDate(grid, -1)).toBe(end - 10);
    expect(gridDate(grid, 0)).toBe(end - 9);
    for (let t = 0; t < 10; t++) {
      for (let s = 0; s < 2; s++) {
        const r = grid.row[t * 2 + s] as number;
        expect(data.series[r]).toBe(s);
        expect(data.date[r]).toBe(end - 9 + t);
      }
    }
  });

  it('stops at the first period no series has a row in', () => {
    expect(periodGrid(data, { historyEnd: end - 3, periods: 10 }).dates.length).toBe(3);
  });
});
