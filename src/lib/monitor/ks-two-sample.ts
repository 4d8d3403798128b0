import { sortFinite } from '../core/finite';
import { kolmogorovSf } from './kolmogorov-sf';
import { ksExactTwoSided } from './ks-exact-two-sided';
import { roundHalfEven } from './round-half-even';

export type KsMethod = 'auto' | 'exact' | 'asymp';

export interface KsTwoSampleResult {
  /** D = sup |F_ref − F_cur| (for the exact method snapped to the lattice of possible values, as scipy reports it). */
  statistic: number;
  /** Two-sided p-value; NaN when a side is empty. */
  pValue: number;
  /** The method the p-value actually came from. */
  method: 'exact' | 'asymp';
}

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, as scipy 1.10's `stats.ks_2samp(reference, current, method)`.
 * NaN (and ±Infinity) values are dropped first — scipy would propagate them into a NaN result instead.
 *
 * 'auto' (the default) is exact when neither sample exceeds 10 000 values (scipy's MAX_AUTO_N) and asymptotic beyond;
 * 'exact' on samples whose lcm overflows an int32 also falls back to 'asymp', as scipy does. The asymptotic p-value is
 * scipy's `kstwo.sf(D, round(n₁n₂/(n₁ + n₂)))` (./kolmogorov-sf.ts).
 */
export function ksTwoSample(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: { method?: KsMethod } = {},
): KsTwoSampleResult {
  return ksTwoSampleSorted(sortFinite(reference).sorted, sortFinite(current).sorted, options);
}

/** scipy's MAX_AUTO_N. */
const MAX_AUTO_N = 10_000;

/** ksTwoSample on samples already free of NaN and sorted ascending (what columnDrift holds). */
export function ksTwoSampleSorted(a: ArrayLike<number>, b: ArrayLike<number>, options: { method?: KsMethod } = {}): KsTwoSampleResult {
  const n1 = a.length;
  const n2 = b.length;
  const requested = options.method ?? 'auto';
  if (n1 === 0 || n2 === 0) return { statistic: NaN, pValue: NaN, method: requested === 'exact' ? 'exact' : 'asymp' };
  const d = _ksStatistic(a, b);
  if (requested === 'exact' || (requested === 'auto' && Math.max(n1, n2) <= MAX_AUTO_N)) {
    const result = ksExactTwoSided(n1, n2, d);
    if (result) return { ...result, method: 'exact' };
  }
  const effectiveN = roundHalfEven((n1 * n2) / (n1 + n2));
  return { statistic: d, pValue: kolmogorovSf(effectiveN, d), method: 'asymp' };
}

/**
 * max over x of |F_a(x) − F_b(x)| with right-continuous ECDFs, by one merge walk over both sorted samples. The two
 * differences are formed as i/n₁ − j/n₂, exactly as scipy's searchsorted version does, so D matches it bit for bit
 * (the exact p-value depends on D rounding to the right lattice point).
 */
function _ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let max = 0;
  let min = 0;
  while (i < n1 && j < n2) {
    const x = Math.min(a[i] as number, b[j] as number);
    while (i < n1 && (a[i] as number) <= x) i++;
    while (j < n2 && (b[j] as number) <= x) j++;
    const diff = i / n1 - j / n2;
    if (diff > max) max = diff;
    if (diff < min) min = diff;
  }
  // Past the end of one sample the difference only moves towards 0, so the extremes are already seen.
  return -min > max ? Math.min(-min, 1) : max;
}
