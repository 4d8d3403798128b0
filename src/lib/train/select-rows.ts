import type { FeatureMatrix } from '../features/types';
import type { MatrixInput } from '../models/train-types';

/**
 * The rows of a feature matrix whose target date lies in (after, upTo], copied into fresh arrays (so they can be
 * transferred to the train worker without detaching the matrix they came from).
 */
export function selectRows(matrix: FeatureMatrix, range: { after: number; upTo: number }): MatrixInput & { index: Int32Array } {
  const width = matrix.names.length;
  let count = 0;
  for (let r = 0; r < matrix.rows; r++) {
    const d = matrix.date[r] as number;
    if (d > range.after && d <= range.upTo) count++;
  }
  const x = new Float32Array(count * width);
  const y = new Float32Array(count);
  const index = new Int32Array(count);
  let out = 0;
  for (let r = 0; r < matrix.rows; r++) {
    const d = matrix.date[r] as number;
    if (!(d > range.after && d <= range.upTo)) continue;
    x.set(matrix.x.subarray(r * width, (r + 1) * width), out * width);
    y[out] = matrix.y[r] as number;
    index[out] = r;
    out++;
  }
  return { x, y, rows: count, width, index };
}
