/**
 * numpy's `searchsorted` on values sorted ascending: the index where x would be inserted to keep the order — before
 * any equal values with side 'left' (the count of values < x), after them with 'right' (the count of values ≤ x).
 */
export function searchSorted(sorted: ArrayLike<number>, x: number, side: 'left' | 'right'): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const value = sorted[mid] as number;
    if (side === 'left' ? value < x : value <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}
