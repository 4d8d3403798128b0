import { pearsonCorrelation } from './pearson-correlation';

/**
 * Spearman's ρ: Pearson's r of the ranks, ties sharing their average rank (as scipy.stats.spearmanr), over the
 * pairs where both values are finite.
 */
export function spearmanCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let count = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(a[i] as number) && Number.isFinite(b[i] as number)) count++;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0, k = 0; i < n; i++) {
    const u = a[i] as number;
    const v = b[i] as number;
    if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
    x[k] = u;
    y[k++] = v;
  }
  return pearsonCorrelation(averageRanks(x), averageRanks(y));
}

/**
 * 1-based ranks, ties averaged. Sorting a copy of the values (a typed-array sort, no comparator), giving each run of
 * equal values its average rank, then finding each value's run by binary search is several times faster than
 * sorting an index permutation with a comparator.
 */
export function averageRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const sorted = values.slice().sort();
  const runRank = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    runRank[start] = (start + end + 1) / 2;
    start = end;
  }
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) ranks[i] = runRank[firstAtLeast(sorted, values[i] as number)] as number;
  return ranks;
}

/** Index of the first element ≥ v. */
function firstAtLeast(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
