import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kurtosisExcess, mean, median, quantile, robustZScores, skewness, std } from '../../../src/lib/eda/statistics';
import { sortFinite } from '../../../src/lib/eda/sort-finite';
import { summarizeColumns } from '../../../src/lib/eda/summarize-columns';
import { makeSales } from './make-sales';

// reference: ../shared/reference/summary.json, computed with numpy/scipy (numpy 1.24.2, scipy 1.10.1):
// np.quantile(values, p) with the default 'linear' method, np.mean, np.std(ddof=0/1),
// scipy.stats.skew and scipy.stats.kurtosis with their defaults (Fisher, biased).
const reference = JSON.parse(readFileSync(new URL('../../../../shared/reference/summary.json', import.meta.url), 'utf8')) as {
  values: number[];
  numpy_linear_quantiles: Record<string, number>;
  mean: number;
  std_ddof0: number;
  std_ddof1: number;
  skew: number;
  kurtosis_excess: number;
};

function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

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
});

describe('sortFinite(values)', () => {
  it('equals filtering out NaN then sorting, for integers (counting sort) and fractions alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: false, min: -1e6, max: 1e6 }), fc.constant(NaN))),
        (values) => {
          const { sorted: result, missing, distinct } = sortFinite(values);
          const expected = Float64Array.from(values.filter(Number.isFinite)).sort();
          expect(Array.from(result)).toEqual(Array.from(expected));
          expect(missing).toBe(values.length - expected.length);
          expect(distinct).toBe(new Set(Array.from(expected, (v) => (Object.is(v, -0) ? 0 : v))).size);
        },
      ),
      { seed: 20240611, numRuns: 300 },
    );
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
