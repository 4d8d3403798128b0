import { periodIndex } from '../core/periods';
import type { Frequency } from '../data/types';
import type { FeatureMatrix } from '../features/types';

export interface DirectTargetsOptions {
  /** Row numbers of the matrix whose targets are wanted (selectRows' `index`), in the order of the rows handed out. */
  index: Int32Array;
  /** Steps each row predicts: 1 … steps periods from the row's own date. */
  steps: number;
  /** The last date whose target may be read (a window's trainEnd for training rows, its cutoff for validation). */
  upTo: number;
  frequency: Frequency;
}

/**
 * The targets of a direct multi-horizon model: for each selected row, the transformed target of its own series at
 * its date and at the `steps − 1` periods after it, row-major (rows × steps). A later step is NaN when that period has
 * no feature row or lies after `upTo` (the row's own target is kept: the caller selected the row): the loss skips it, so a row near the end of the training rows still teaches its
 * first steps, and no target past the window's end is ever read.
 *
 * The matrix holds one row per (series, period), a series' rows together in date order (buildFeatures), so each
 * later step is found by walking forward from the row.
 */
export function directTargets(matrix: Pick<FeatureMatrix, 'y' | 'rows' | 'series' | 'date'>, options: DirectTargetsOptions): Float32Array {
  const { index, steps, upTo, frequency } = options;
  const out = new Float32Array(index.length * steps).fill(NaN);
  index.forEach((row, i) => {
    const series = matrix.series[row] as number;
    const first = periodIndex(matrix.date[row] as number, frequency);
    for (let r = row; r < matrix.rows && matrix.series[r] === series; r++) {
      const date = matrix.date[r] as number;
      const step = periodIndex(date, frequency) - first;
      if (step >= steps || (step > 0 && date > upTo)) break;
      if (step >= 0) out[i * steps + step] = matrix.y[r] as number;
    }
  });
  return out;
}
