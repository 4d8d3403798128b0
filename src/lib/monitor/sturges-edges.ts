import { equalWidthEdges } from './equal-width-edges';

/**
 * Histogram edges for the pooled samples by Sturges' rule, as `np.histogram_bin_edges(pooled, bins='sturges')` —
 * the binning Evidently uses for Jensen–Shannon and PSI on numeric columns. Bin width = range / (log₂ n + 1), the
 * count rounded up; a constant sample gets one bin. Non-finite values are ignored.
 */
export function sturgesEdges(samples: readonly ArrayLike<number>[]): number[] {
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const sample of samples) {
    for (let i = 0; i < sample.length; i++) {
      const x = sample[i] as number;
      if (!Number.isFinite(x)) continue;
      count++;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  if (count === 0) return [];
  // numpy divides the range by the width rather than using log₂ n + 1 directly; the same two steps keep the same count.
  const width = (max - min) / (Math.log2(count) + 1);
  return equalWidthEdges(min, max, width > 0 ? Math.ceil((max - min) / width) : 1);
}
