import { sortFinite } from '../core/finite';
import { std } from '../core/statistics';
import { CompensatedSum } from './compensated-sum';

/**
 * First Wasserstein (earth mover's) distance between two samples with equal weights, as scipy's
 * `stats.wasserstein_distance(u, v)`: ∫ |F_u(x) − F_v(x)| dx, the area between the two empirical CDFs — in the
 * column's own units. NaN and ±Infinity values are dropped; NaN when a side is empty.
 */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  return wassersteinDistanceSorted(sortFinite(u).sorted, sortFinite(v).sorted);
}

/**
 * Evidently's "Wasserstein distance (normed)": W divided by the reference's population standard deviation (ddof 0),
 * floored at 0.001 so a constant reference does not divide by zero. Unitless, so one threshold (0.1 by default,
 * ./choose-drift-test.ts) fits every numeric column.
 */
export function normedWasserstein(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  return normedWassersteinSorted(sortFinite(reference).sorted, sortFinite(current).sorted);
}

/** Evidently's floor under the reference's standard deviation. */
const MIN_SCALE = 0.001;

export function normedWassersteinSorted(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  return wassersteinDistanceSorted(reference, current) / Math.max(std(reference, { ddof: 0 }), MIN_SCALE);
}

/** wassersteinDistance on samples already free of NaN and sorted ascending: one merge walk, O(n + m). */
export function wassersteinDistanceSorted(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const nu = u.length;
  const nv = v.length;
  if (nu === 0 || nv === 0) return NaN;
  let i = 0;
  let j = 0;
  // Compensated: 10⁵ small areas are added to a growing total.
  const area = new CompensatedSum();
  let x = Math.min(u[0] as number, v[0] as number);
  while (i < nu || j < nv) {
    while (i < nu && (u[i] as number) <= x) i++;
    while (j < nv && (v[j] as number) <= x) j++;
    if (i === nu && j === nv) break;
    // Between x and the next pooled value both CDFs are flat.
    const next = Math.min(i < nu ? (u[i] as number) : Infinity, j < nv ? (v[j] as number) : Infinity);
    area.add(Math.abs(i / nu - j / nv) * (next - x));
    x = next;
  }
  return area.value;
}
