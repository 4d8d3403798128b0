import type { SalesData } from './types';

/**
 * Where each series' rows start and end: SalesData is sorted by (series, date), so a series is one contiguous run.
 * `start[s]`…`end[s]` (end exclusive); an absent series has start === end.
 */
export interface SeriesRanges {
  start: Int32Array;
  end: Int32Array;
}

export function seriesRanges(data: SalesData): SeriesRanges {
  const count = data.seriesLabels.length;
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  let i = 0;
  const n = data.series.length;
  while (i < n) {
    const s = data.series[i] as number;
    let j = i + 1;
    while (j < n && data.series[j] === s) j++;
    start[s] = i;
    end[s] = j;
    i = j;
  }
  return { start, end };
}
