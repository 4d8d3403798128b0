import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureCorrelations } from '../../../src/lib/features/feature-correlations';
import { pearsonCorrelation } from '../../../src/lib/features/pearson-correlation';
import { previewFeatures } from '../../../src/lib/features/preview-features';
import { averageRanks, spearmanCorrelation } from '../../../src/lib/features/spearman-correlation';
import type { FeatureMatrix } from '../../../src/lib/features/types';

// reference: ../shared/reference/summary.json, computed with scipy 1.10.1 / numpy 1.24.2:
// pearson_with_index = scipy.stats.pearsonr(values, range(n)), spearman_with_index = scipy.stats.spearmanr(values, range(n))
// (ties share their average rank; `values` has ties, e.g. 4.76 twice).
const reference = JSON.parse(readFileSync(new URL('../../../../shared/reference/summary.json', import.meta.url), 'utf8')) as {
  values: number[];
  pearson_with_index: number;
  spearman_with_index: number;
};
const index = reference.values.map((_, i) => i);

function expectClose(actual: number | null, expected: number, tolerance = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
}

/** A matrix with the given columns (as features) and target, one row per value. */
function matrixOf(columns: Record<string, number[]>, y: number[]): FeatureMatrix {
  const names = Object.keys(columns);
  const rows = y.length;
  const x = new Float32Array(rows * names.length);
  names.forEach((name, j) => columns[name]!.forEach((v, r) => (x[r * names.length + j] = v)));
  return { names, x, y: Float32Array.from(y), rows, series: new Int32Array(rows), date: Int32Array.from(y, (_, r) => 19_000 + r) };
}

describe('correlations against scipy (../shared/reference/summary.json)', () => {
  it('pearsonCorrelation(values, index) matches scipy.stats.pearsonr to 1e-9', () => {
    expectClose(pearsonCorrelation(reference.values, index), reference.pearson_with_index);
  });

  it('spearmanCorrelation(values, index) matches scipy.stats.spearmanr to 1e-9', () => {
    expectClose(spearmanCorrelation(reference.values, index), reference.spearman_with_index);
  });

  it('averageRanks(values) gives ties their average rank, 1-based', () => {
    expect(Array.from(averageRanks(Float64Array.from([10, 20, 10, 30, 20, 20])))).toEqual([1.5, 4, 1.5, 6, 4, 4]);
  });

  it('pearsonCorrelation(a, b) skips non-finite pairs and is NaN for a constant side', () => {
    expect(pearsonCorrelation([1, 2, NaN, 3], [2, 4, 100, 6])).toBeCloseTo(1, 12);
    expect(pearsonCorrelation([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearmanCorrelation([1, 2, 3, 4], [1, 4, 9, Infinity])).toBeCloseTo(1, 12);
  });
});

describe('featureCorrelations(matrix)', () => {
  it('featureCorrelations(matrix) gives each feature its Pearson and Spearman correlation with the target', () => {
    const values32 = Array.from(Float32Array.from(reference.values));
    const result = featureCorrelations(matrixOf({ index, flat: index.map(() => 3) }, values32));
    expect(result.map((c) => c.name)).toEqual(['index', 'flat']);
    expectClose(result[0]!.pearson, pearsonCorrelation(index, values32), 1e-12);
    expectClose(result[0]!.spearman, spearmanCorrelation(index, values32), 1e-12);
    expectClose(result[0]!.pearson, reference.pearson_with_index, 1e-6); // float32 target: close to scipy, not to 1e-9
    expect(result[1]).toEqual({ name: 'flat', pearson: null, spearman: null });
  });

  it('featureCorrelations(matrix, { spearmanRows }) ranks every k-th row above the limit, and 0 skips Spearman', () => {
    const y = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10 + i / 100);
    const x = y.map((v, i) => v + (i % 7));
    const sampled = featureCorrelations(matrixOf({ x }, y), { spearmanRows: 100 });
    const every10th = (a: number[]) => a.filter((_, i) => i % 10 === 0).map((v) => Math.fround(v));
    expectClose(sampled[0]!.spearman, spearmanCorrelation(every10th(x), every10th(y)), 1e-12);
    expect(featureCorrelations(matrixOf({ x }, y), { spearmanRows: 0 })[0]!.spearman).toBeNull();
  });
});

describe('previewFeatures(matrix, { rows })', () => {
  it('previewFeatures(matrix) shows the first 20 rows as plain numbers, with the total', () => {
    const y = Array.from({ length: 30 }, (_, i) => i);
    const preview = previewFeatures(matrixOf({ a: y.map((v) => v * 2), b: y.map((v) => -v) }, y));
    expect(preview.names).toEqual(['a', 'b']);
    expect(preview.total).toBe(30);
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[3]).toEqual({ series: 0, date: 19_003, target: 3, values: [6, -3] });
  });

  it('previewFeatures(matrix, { rows, offset }) pages, and stops at the last row', () => {
    const y = [1, 2, 3];
    expect(previewFeatures(matrixOf({ a: y }, y), { rows: 5, offset: 1 }).rows.map((r) => r.target)).toEqual([2, 3]);
  });
});
