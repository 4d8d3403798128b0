import type { SalesData } from '../data/types';

/** The first and last date of the table, or null for an empty one. */
export function dateSpan(data: SalesData): { first: number; last: number } | null {
  if (data.date.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const d of data.date) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return { first, last };
}
