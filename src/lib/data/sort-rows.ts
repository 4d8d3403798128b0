/**
 * The order that sorts rows by (series, date), stable (rows with equal keys keep their file order, so "keep the
 * first duplicate" means the first in the file); null when they already are sorted, the usual case for exports.
 *
 * Two counting-sort passes (by date, then stably by series): O(rows + days spanned + series), no comparator calls,
 * so a million rows sort in milliseconds. A comparator sort takes over when the dates span far more days than there
 * are rows, where the count array would dwarf the data.
 */
export function sortRows(date: Int32Array, series: Int32Array, seriesCount: number): Int32Array | null {
  const n = date.length;
  let sorted = true;
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < n; r++) {
    const d = date[r]!;
    if (d < min) min = d;
    if (d > max) max = d;
    if (r > 0 && sorted) {
      const ds = series[r]! - series[r - 1]!;
      if (ds < 0 || (ds === 0 && d < date[r - 1]!)) sorted = false;
    }
  }
  if (sorted) return null;

  const range = max - min + 1;
  if (range > 4 * n + 100_000) {
    const order = new Int32Array(n);
    for (let r = 0; r < n; r++) order[r] = r;
    return order.sort((a, b) => series[a]! - series[b]! || date[a]! - date[b]! || a - b);
  }
  const byDate = new Int32Array(n);
  const dateStarts = new Int32Array(range + 1);
  for (let r = 0; r < n; r++) dateStarts[date[r]! - min + 1]!++;
  for (let k = 1; k <= range; k++) dateStarts[k]! += dateStarts[k - 1]!;
  for (let r = 0; r < n; r++) byDate[dateStarts[date[r]! - min]!++] = r;

  const order = new Int32Array(n);
  const seriesStarts = new Int32Array(seriesCount + 1);
  for (let r = 0; r < n; r++) seriesStarts[series[r]! + 1]!++;
  for (let k = 1; k <= seriesCount; k++) seriesStarts[k]! += seriesStarts[k - 1]!;
  for (let i = 0; i < n; i++) {
    const r = byDate[i]!;
    order[seriesStarts[series[r]!]!++] = r;
  }
  return order;
}
