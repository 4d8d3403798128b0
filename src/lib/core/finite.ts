/**
 * A missing number is NaN throughout the lab (a blank cell, a metric with no data, a window with no rows), and ±Infinity
 * is no better. Two places deal with it: before statistics, sortFinite drops and counts the missing values; before a
 * result leaves as plain data, finiteOrNull and meanOfFinite turn them into null, which JSON keeps (it would turn NaN
 * into null silently anyway) and which the type makes every reader handle.
 */
import { mean } from './statistics';

/** Anything that is not a finite number, including what storage hands back that is not a number at all, becomes null. */
export function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The mean of the finite values (each window's metric, say), or null when there are none. */
export function meanOfFinite(values: readonly (number | null)[]): number | null {
  const kept = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return kept.length === 0 ? null : mean(kept);
}

/**
 * The finite values of a column, sorted ascending, plus how many were missing: what a column summary needs for
 * quantiles, distinct counts, min and max in one go.
 *
 * Sales, dates, flags and counts are usually whole numbers over a modest range, so when that holds a counting sort
 * does the job in two linear passes instead of an n log n comparison sort (≈ 10× faster on a million rows).
 */
export interface SortedFinite {
  sorted: Float64Array;
  missing: number;
  /** Number of distinct values among the finite ones. */
  distinct: number;
}

/** Counting sort only pays off while its bucket array stays comparable in size to the column. */
const MAX_RANGE_PER_VALUE = 4;
const MAX_RANGE = 1 << 24;

export function sortFinite(values: ArrayLike<number>): SortedFinite {
  const n = values.length;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  const sorted = new Float64Array(count);
  const missing = n - count;
  if (count === 0) return { sorted, missing, distinct: 0 };
  const range = max - min + 1;
  if (integral && range <= MAX_RANGE && range <= MAX_RANGE_PER_VALUE * count) {
    return { sorted, missing, distinct: countingSort(values, sorted, min, range) };
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) sorted[k++] = v;
  }
  // Typed-array sort is numeric (no string comparison) and puts -0 before +0, as numpy does.
  sorted.sort();
  let distinct = 1;
  for (let i = 1; i < count; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return { sorted, missing, distinct };
}

function countingSort(values: ArrayLike<number>, out: Float64Array, min: number, range: number): number {
  const counts = new Uint32Array(range);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) counts[v - min]!++;
  }
  let k = 0;
  let distinct = 0;
  for (let b = 0; b < range; b++) {
    const c = counts[b] as number;
    if (c === 0) continue;
    distinct++;
    out.fill(b + min, k, k + c);
    k += c;
  }
  return distinct;
}
