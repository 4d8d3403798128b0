import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kurtosisExcess, mean, median, quantile, robustZScores, skewness, std } from '../../../src/lib/core/statistics';
import { expectClose } from '../evaluate/expect-close';
import { summaryReference as reference } from './summary-reference';

const sorted = Float64Array.from(reference.values).sort();

describe('statistics against numpy/scipy (../shared/reference/summary.json)', () => {
  it.each(Object.entries(reference.numpy_linear_quantiles))('quantile(sorted, %s) matches numpy linear', (p, expected) => {
    expectClose(quantile(sorted, Number(p)), expected);
  });

  it('mean(values) matches numpy.mean', () => {
    expectClose(mean(reference.values), reference.mean);
  });

  it('std(values) is ddof=1 by default and matches numpy.std(ddof=1); {ddof: 0} matches ddof=0', () => {
    expectClose(std(reference.values), reference.std_ddof1);
    expectClose(std(reference.values, { ddof: 0 }), reference.std_ddof0);
  });

  it('skewness(values) matches scipy.stats.skew (Fisher, biased)', () => {
    expectClose(skewness(reference.values), reference.skew);
  });

  it('kurtosisExcess(values) matches scipy.stats.kurtosis (Fisher, biased)', () => {
    expectClose(kurtosisExcess(reference.values), reference.kurtosis_excess);
  });
});

describe('statistics edge cases', () => {
  it('quantile(sorted, p) is NaN for no values or p outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([1, 2], 1.5)).toBeNaN();
    expect(quantile([7], 0.3)).toBe(7);
  });

  it('skewness(values) is NaN for a constant, std(values) NaN for one value', () => {
    expect(skewness([3, 3, 3])).toBeNaN();
    expect(std([5])).toBeNaN();
  });

  it('median(values) does not reorder its input', () => {
    const values = [3, 1, 2];
    expect(median(values)).toBe(2);
    expect(values).toEqual([3, 1, 2]);
  });

  it('robustZScores(values) scores an outlier far beyond 3.5 and the bulk below it', () => {
    const values = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 60];
    const scores = robustZScores(values);
    expect(scores[10]).toBeGreaterThan(20);
    expect(Math.max(...Array.from(scores.subarray(0, 10), Math.abs))).toBeLessThan(3.5);
  });

  it('robustZScores(values) falls back to the mean absolute deviation when MAD is 0', () => {
    const scores = robustZScores([0, 0, 0, 0, 0, 0, 0, 5]);
    expect(scores[7]).toBeGreaterThan(3.5);
    expect(scores[0]).toBe(0);
    expect(Array.from(robustZScores([4, 4, 4]))).toEqual([0, 0, 0]);
  });

  it('robustZScores(values, out) puts the same scores in out, whatever out held before', () => {
    const values = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 60];
    const out = new Float64Array(14).fill(7);
    const scores = robustZScores(values, out);
    expect(scores.buffer).toBe(out.buffer);
    expect(Array.from(scores)).toEqual(Array.from(robustZScores(values)));
    expect(Array.from(robustZScores([4, 4, 4], out))).toEqual([0, 0, 0]);
  });
});

describe('median(values)', () => {
  it('median(values) equals the 0.5 quantile of the sorted values, for odd and even lengths and ties', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, min: -1e3, max: 1e3 })), { minLength: 1 }), (values) => {
        // === rather than Object.is: which of two tied zeros, -0 or +0, lands in the middle does not matter.
        expect(median(values) === quantile(Float64Array.from(values).sort(), 0.5)).toBe(true);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
