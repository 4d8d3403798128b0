/**
 * The low-level statistics every stage's summaries are built on (column profiles, drift tests, latency percentiles).
 * Each follows one named convention so its numbers can be checked against numpy/scipy
 * (tests/lib/core/statistics.test.ts reads ../shared/reference/summary.json):
 *
 *   quantile      numpy.quantile(..., method='linear') (numpy's default, "type 7" in R)
 *   mean          arithmetic mean
 *   std           sample standard deviation, ddof = 1 by default (numpy's default is ddof = 0: say which you mean)
 *   skewness      scipy.stats.skew default: Fisher, biased (g1 = m3 / m2^1.5)
 *   kurtosis      scipy.stats.kurtosis default: Fisher (excess), biased (g2 = m4 / m2^2 - 3)
 *   robust z      Iglewicz & Hoaglin's modified z: 0.6745 (x - median) / MAD
 *
 * Inputs are free of NaN (callers drop missing values first: see sortFinite); an empty input gives NaN.
 * Central moments take two passes (mean first) so large sales values do not cancel away the spread.
 */

/** The p-quantile (0 ≤ p ≤ 1) of values already sorted ascending, by linear interpolation between order statistics. */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  return quantileOf(sorted.length, p, (k) => sorted[k] as number);
}

/** The same for n values held in some other sorted form (runs of equal values, say): `at(k)` is the k-th smallest. */
export function quantileOf(n: number, p: number, at: (k: number) => number): number {
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const t = h - lo;
  const a = at(lo);
  const b = at(hi);
  // numpy's _lerp: interpolate from the nearer end, which is what makes its results bit-reproducible here.
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  return sum / n;
}

export interface StdOptions {
  /** Delta degrees of freedom: the divisor is n - ddof. 1 (the default) gives the sample standard deviation. */
  ddof?: number;
}

export function std(values: ArrayLike<number>, { ddof = 1 }: StdOptions = {}): number {
  const n = values.length;
  if (n - ddof <= 0) return NaN;
  return Math.sqrt(centralMoment(values, 2, mean(values)) * (n / (n - ddof)));
}

/** Fisher's skewness, biased (scipy.stats.skew with bias=True). NaN when the values do not vary. */
export function skewness(values: ArrayLike<number>): number {
  const m = mean(values);
  const m2 = centralMoment(values, 2, m);
  if (!(m2 > 0)) return NaN;
  return centralMoment(values, 3, m) / m2 ** 1.5;
}

/** Excess kurtosis, biased (scipy.stats.kurtosis defaults). NaN when the values do not vary. */
export function kurtosisExcess(values: ArrayLike<number>): number {
  const m = mean(values);
  const m2 = centralMoment(values, 2, m);
  if (!(m2 > 0)) return NaN;
  return centralMoment(values, 4, m) / (m2 * m2) - 3;
}

/** The median of unsorted values (works on a copy; the input keeps its order). Linear time, by selection. */
export function median(values: ArrayLike<number>): number {
  const copy = new Float64Array(values.length);
  for (let i = 0; i < copy.length; i++) copy[i] = values[i] as number;
  return medianInPlace(copy);
}

/** The median of a scratch array, reordering it: for hot loops that would otherwise copy a copy. */
export function medianInPlace(scratch: Float64Array): number {
  const n = scratch.length;
  if (n === 0) return NaN;
  const upper = n >> 1;
  const hi = select(scratch, upper);
  if (n % 2 === 1) return hi;
  // After selecting the upper middle, everything left of it is ≤ it: the lower middle is their maximum.
  let lo = -Infinity;
  for (let i = 0; i < upper; i++) if ((scratch[i] as number) > lo) lo = scratch[i] as number;
  // numpy interpolates the middle pair as hi - (hi - lo) * 0.5; the same form gives the same last bit.
  return hi - (hi - lo) * 0.5;
}

/**
 * Hoare's selection: reorders `a` so that a[k] is the k-th smallest, smaller values to its left, larger to its right.
 * The pivot is the median of three, which keeps sorted or nearly sorted inputs (common in sales data) linear.
 */
function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    const x = a[left] as number;
    const y = a[mid] as number;
    const z = a[right] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/** Consistency constant: MAD / 0.6745 estimates the standard deviation of normal data. */
const MAD_TO_SIGMA = 0.6745;
/** When over half the values tie (MAD = 0), the mean absolute deviation stands in, scaled by sqrt(pi/2). */
const MEAN_AD_TO_SIGMA = 0.7979;

/**
 * Modified z-scores: how many robust standard deviations each value sits from the median. Unlike a plain z-score a
 * few huge outliers cannot inflate the scale and hide themselves. All zeros when the values do not vary at all.
 * `out`, when given (at least as long as `values`, apart from it), receives the scores instead of a new array.
 */
export function robustZScores(values: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = values.length;
  // The result's memory is the scratch for both medians: allocating a typed array of a thousand values costs ~30 µs
  // in Chromium (~1 µs in Node), and outlier screening calls this twice for every series.
  const scores = out === undefined ? new Float64Array(n) : out.subarray(0, n);
  if (n === 0) return scores;
  for (let i = 0; i < n; i++) scores[i] = values[i] as number;
  const center = medianInPlace(scores);
  for (let i = 0; i < n; i++) scores[i] = Math.abs((values[i] as number) - center);
  const meanDeviation = mean(scores);
  const mad = medianInPlace(scores);
  const scale = mad > 0 ? mad / MAD_TO_SIGMA : meanDeviation / MEAN_AD_TO_SIGMA;
  if (!(scale > 0)) return scores.fill(0);
  for (let i = 0; i < n; i++) scores[i] = ((values[i] as number) - center) / scale;
  return scores;
}

function centralMoment(values: ArrayLike<number>, order: 2 | 3 | 4, center: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - center;
    const d2 = d * d;
    sum += order === 2 ? d2 : order === 3 ? d2 * d : d2 * d2;
  }
  return sum / n;
}
