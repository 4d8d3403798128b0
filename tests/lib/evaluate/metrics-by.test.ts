import { describe, expect, it } from 'vitest';
import { metricsBy } from '../../../src/lib/evaluate/metrics-by';

describe('metricsBy(actual, forecast, groups)', () => {
  it('computes the point metrics per group, groups sorted by key', () => {
    const groups = metricsBy([10, 20, 30, 40], [12, 18, 30, 50], [2, 1, 2, 1]);
    expect(groups.map((g) => g.key)).toEqual([1, 2]);
    expect(groups[0]).toMatchObject({ key: 1, n: 2, actualSum: 60, forecastSum: 68, mae: 6, bias: 4 });
    expect(groups[1]).toMatchObject({ key: 2, n: 2, mae: 1, wape: 0.05, bias: 1, biasPercent: 5 });
  });

  it('takes text keys (store, product) and sorts numbers before text', () => {
    expect(metricsBy([1, 1, 1], [1, 1, 1], ['b', 3, 'a']).map((g) => g.key)).toEqual([3, 'a', 'b']);
  });

  it('leaves out rows whose key is NaN, null or undefined, and gives null for undefined metrics', () => {
    const groups = metricsBy([1, 2, 3, 0], [1, 2, 3, 1], [NaN, null, undefined, 0]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ key: 0, n: 1, mape: null, wape: null, biasPercent: null, smape: 200 });
  });

  it('counts only rows with an actual and a forecast in n', () => {
    expect(metricsBy([1, NaN, 3], [1, 2, NaN], [0, 0, 0])[0]).toMatchObject({ n: 1, actualSum: 1, mae: 0 });
  });
});
