import type { SalesData } from '../data/types';
import { seriesRanges } from '../data/series-ranges';

/** One series' rows `[start, end)` and, per cutoff, the first of its rows dated after that cutoff. */
export interface SeriesCuts {
  series: number;
  start: number;
  end: number;
  cuts: number[];
}

/**
 * The compiled half of the splits: for every series (absent ones too, with start === end), where each cutoff day cuts
 * its rows. Rows are sorted by (series, date), so one binary search per series and cutoff does it.
 * A cutoff of -Infinity cuts before the first row, +Infinity after the last.
 */
export function cutSeries(data: SalesData, cutoffs: readonly number[]): SeriesCuts[] {
  const { start, end } = seriesRanges(data);
  const out: SeriesCuts[] = [];
  for (let s = 0; s < data.seriesLabels.length; s++) {
    const from = start[s] as number;
    const to = end[s] as number;
    out.push({ series: s, start: from, end: to, cuts: cutoffs.map((cutoff) => firstAfter(data.date, from, to, cutoff)) });
  }
  return out;
}

function firstAfter(date: Int32Array, from: number, to: number, cutoff: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((date[mid] as number) > cutoff) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
