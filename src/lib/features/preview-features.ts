import type { FeatureMatrix } from './types';

export interface PreviewFeaturesOptions {
  /** How many rows. Default 20. */
  rows?: number;
  /** The first row shown. Default 0. */
  offset?: number;
}

export interface FeaturePreview {
  names: string[];
  /** The total number of matrix rows, for "20 of 54 400 rows". */
  total: number;
  rows: { series: number; date: number; target: number; values: number[] }[];
}

/** A few matrix rows as plain numbers, for the Features stage's table (the values the model sees, scaled). */
export function previewFeatures(matrix: FeatureMatrix, { rows = 20, offset = 0 }: PreviewFeaturesOptions = {}): FeaturePreview {
  const width = matrix.names.length;
  const from = Math.max(0, Math.min(offset, matrix.rows));
  const to = Math.min(matrix.rows, from + Math.max(0, rows));
  const out: FeaturePreview['rows'] = [];
  for (let r = from; r < to; r++) {
    out.push({
      series: matrix.series[r] as number,
      date: matrix.date[r] as number,
      target: matrix.y[r] as number,
      values: Array.from(matrix.x.subarray(r * width, (r + 1) * width)),
    });
  }
  return { names: [...matrix.names], total: matrix.rows, rows: out };
}
