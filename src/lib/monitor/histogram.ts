import { sortFinite } from '../core/finite';
import { searchSorted } from './search-sorted';

/**
 * Counts per bin, as `np.histogram(values, edges)[0]`: bin i holds edges[i] ≤ x < edges[i + 1], except the last bin,
 * which also holds x = its right edge. Values outside [edges[0], edges[last]] and NaN are not counted.
 */
export function histogram(values: ArrayLike<number>, edges: readonly number[]): number[] {
  return histogramSorted(sortFinite(values).sorted, edges);
}

/** histogram on values already sorted ascending: two binary searches per edge, whatever the number of values. */
export function histogramSorted(sorted: ArrayLike<number>, edges: readonly number[]): number[] {
  const last = edges.length - 1;
  // numpy's _search_sorted_inclusive: every edge cuts on the left, the last one on the right.
  const cumulative = edges.map((edge, i) => searchSorted(sorted, edge, i === last ? 'right' : 'left'));
  return cumulative.slice(1).map((count, i) => count - (cumulative[i] as number));
}
