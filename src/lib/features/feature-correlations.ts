import { finiteOrNull } from '../core/finite';
import { pearsonCorrelation } from './pearson-correlation';
import { averageRanks } from './spearman-correlation';
import type { FeatureMatrix } from './types';

export interface FeatureCorrelation {
  name: string;
  /** Pearson's r with the (transformed) target over every row; null for a constant column. */
  pearson: number | null;
  /** Spearman's ρ with the target over the sampled rows; null for a constant column. */
  spearman: number | null;
}

export interface FeatureCorrelationsOptions {
  /**
   * Spearman needs a sort per column: above this many rows it uses this many evenly spaced rows (every k-th, so
   * the same matrix gives the same numbers). Default 100 000; 0 skips Spearman.
   */
  spearmanRows?: number;
}

/**
 * How each feature moves with the target, for the Features stage's preview: a quick screen for dead columns and for
 * features too good to be true (a leak shows up as |r| near 1).
 */
export function featureCorrelations(matrix: FeatureMatrix, { spearmanRows = 100_000 }: FeatureCorrelationsOptions = {}): FeatureCorrelation[] {
  const { names, x, y, rows } = matrix;
  const width = names.length;
  const stride = spearmanRows > 0 ? Math.max(1, Math.ceil(rows / spearmanRows)) : 0;
  const sampled = stride > 0 ? Math.ceil(rows / stride) : 0;
  const column = new Float64Array(rows);
  const sampleColumn = new Float64Array(sampled);
  const sampleY = new Float64Array(sampled);
  for (let k = 0; k < sampled; k++) sampleY[k] = y[k * stride] as number;
  // The matrix holds no NaN (see applyFeatures), so the target's ranks are computed once, not once per column.
  const yRanks = averageRanks(sampleY);
  return names.map((name, j) => {
    for (let r = 0; r < rows; r++) column[r] = x[r * width + j] as number;
    for (let k = 0; k < sampled; k++) sampleColumn[k] = column[k * stride] as number;
    return {
      name,
      pearson: finiteOrNull(pearsonCorrelation(column, y)),
      spearman: sampled > 0 ? finiteOrNull(pearsonCorrelation(averageRanks(sampleColumn), yRanks)) : null,
    };
  });
}
