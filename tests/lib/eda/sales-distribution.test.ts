import { describe, expect, it } from 'vitest';
import { salesDistribution } from '../../../src/lib/eda/sales-distribution';
import { makeSales } from './make-sales';

const sales = (values: number[]) => makeSales(values.map((v, t) => ({ date: t, sales: v })));

describe('salesDistribution', () => {
  it('salesDistribution(data, {bins}) counts every recorded value once, in equal-width bins', () => {
    const result = salesDistribution(sales([0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN]), { bins: 5 });
    expect(result.bins).toHaveLength(5);
    expect(result.bins.map((b) => b.count)).toEqual([4, 2, 2, 2, 3]);
    expect(result.bins[0]).toMatchObject({ start: 0, end: 2 });
    expect(result.bins[4]).toMatchObject({ start: 8, end: 10 });
    expect(result).toMatchObject({ count: 13, missing: 1, min: 0, max: 10 });
  });

  it('salesDistribution(data) reports the share of zeros and of negative values', () => {
    const result = salesDistribution(sales([0, 0, 5, -1]));
    expect(result.zeroShare).toBe(0.5);
    expect(result.negativeShare).toBe(0.25);
    expect(result.bins).toHaveLength(30);
  });

  it('salesDistribution(data) copes with a constant column and with no values', () => {
    expect(salesDistribution(sales([3, 3, 3])).bins).toEqual([{ start: 3, end: 4, count: 3 }]);
    expect(salesDistribution(sales([NaN]))).toMatchObject({ bins: [], zeroShare: null, count: 0, missing: 1 });
  });
});
