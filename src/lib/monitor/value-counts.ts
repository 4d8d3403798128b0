/** Counts per distinct value on both sides of a numeric column, over the union of the values (ascending). */
export interface ValueCounts {
  values: number[];
  reference: number[];
  current: number[];
}

/**
 * valueCounts of two samples already free of NaN and sorted ascending: one merge walk over the runs of equal values.
 * How a numeric column with few distinct values (a flag, a weekday, a small count) is tested like a categorical one.
 */
export function valueCountsSorted(reference: ArrayLike<number>, current: ArrayLike<number>): ValueCounts {
  const out: ValueCounts = { values: [], reference: [], current: [] };
  _walkRuns(reference, current, (value, inReference, inCurrent) => {
    out.values.push(value);
    out.reference.push(inReference);
    out.current.push(inCurrent);
    return true;
  });
  return out;
}

/** How many distinct values the two sorted samples hold together, counting no further than `stopAt`. */
export function countDistinctUnion(reference: ArrayLike<number>, current: ArrayLike<number>, stopAt = Infinity): number {
  let distinct = 0;
  _walkRuns(reference, current, () => ++distinct < stopAt);
  return distinct;
}

/** Calls `visit` once per distinct value of the union, in ascending order, until it returns false. */
function _walkRuns(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  visit: (value: number, inReference: number, inCurrent: number) => boolean,
): void {
  let i = 0;
  let j = 0;
  while (i < reference.length || j < current.length) {
    const x = Math.min(i < reference.length ? (reference[i] as number) : Infinity, j < current.length ? (current[j] as number) : Infinity);
    const i0 = i;
    const j0 = j;
    while (i < reference.length && reference[i] === x) i++;
    while (j < current.length && current[j] === x) j++;
    if (!visit(x, i - i0, j - j0)) return;
  }
}
