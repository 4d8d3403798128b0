export interface CategoryCounts {
  /** Every category seen on either side, sorted (code-unit order, as Python sorts strings). */
  categories: string[];
  reference: number[];
  current: number[];
}

/**
 * Counts per category on both sides of a categorical column, over the union of the categories. Missing values —
 * null, undefined, the empty string (how a CSV writes nothing) — are dropped, as Evidently drops NaN.
 */
export function categoryCounts(
  reference: ArrayLike<string | null | undefined>,
  current: ArrayLike<string | null | undefined>,
): CategoryCounts {
  const ref = _count(reference);
  const cur = _count(current);
  const categories = [...new Set([...ref.keys(), ...cur.keys()])].sort();
  return {
    categories,
    reference: categories.map((c) => ref.get(c) ?? 0),
    current: categories.map((c) => cur.get(c) ?? 0),
  };
}

function _count(values: ArrayLike<string | null | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}
