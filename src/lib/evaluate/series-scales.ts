import type { SalesData } from '../data/types';
import { salesOnGrid } from '../data/sales-on-grid';
import { seriesRanges } from '../data/series-ranges';
import { periodEnd, periodIndex } from '../core/periods';
import { seasonalNaiveScale } from './seasonal-naive-scale';

export interface SeriesScalesOptions {
  /** Last day of training: the scale reads rows in periods up to the cutoff's. */
  cutoff: number;
  /** Periods in one season (m). */
  season: number;
}

/**
 * Per series, the MASE scale over its training history (`seasonalNaiveScale` of its sales on the regular grid, gaps
 * as NaN). NaN for a series whose history is shorter than a season or has no seasonal pair.
 */
export function seriesScales(data: SalesData, { cutoff, season }: SeriesScalesOptions): Float64Array {
  const { start, end } = seriesRanges(data);
  const last = periodEnd(periodIndex(cutoff, data.frequency), data.frequency);
  const scales = new Float64Array(start.length).fill(NaN);
  for (let s = 0; s < start.length; s++) {
    const from = start[s] as number;
    let to = from;
    while (to < (end[s] as number) && (data.date[to] as number) <= last) to++;
    if (to > from) scales[s] = seasonalNaiveScale(salesOnGrid(data, { from, to }).values, season);
  }
  return scales;
}
