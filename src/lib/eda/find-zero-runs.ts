import type { SalesData } from '../data/types';
import { dayToIso } from '../core/days';
import { seriesRanges } from '../data/series-ranges';

export interface FindZeroRunsOptions {
  /** Shortest run reported, in rows. */
  minLength: number;
  /** Keep at most this many runs, longest first. Default 100. The totals count them all. */
  limit?: number;
}

export interface ZeroRun {
  series: number;
  label: string;
  /** First and last date of the run, 'YYYY-MM-DD'. */
  start: string;
  end: string;
  /** Rows in the run. */
  length: number;
  /**
   * Where the run sits in its series: at the start (often a product not launched yet), at the end (discontinued),
   * or in the middle (a stock-out, a closure, or a data gap filled with zeros). Each calls for a different fix.
   */
  position: 'start' | 'middle' | 'end' | 'whole';
}

export interface ZeroRunReport {
  minLength: number;
  /** Runs of at least minLength, in all. */
  total: number;
  /** Rows inside those runs. */
  rowsInRuns: number;
  seriesWithRuns: number;
  /** The longest `limit` runs. */
  runs: ZeroRun[];
}

const DEFAULT_LIMIT = 100;

/** Runs of consecutive rows with sales exactly 0, per series. A missing value (NaN) ends a run: it is not a zero. */
export function findZeroRuns(data: SalesData, { minLength, limit = DEFAULT_LIMIT }: FindZeroRunsOptions): ZeroRunReport {
  const { start, end } = seriesRanges(data);
  const runs: ZeroRun[] = [];
  let rowsInRuns = 0;
  let seriesWithRuns = 0;
  for (let s = 0; s < start.length; s++) {
    const from = start[s] as number;
    const to = end[s] as number;
    const before = runs.length;
    let runStart = -1;
    for (let i = from; i <= to; i++) {
      if (i < to && data.sales[i] === 0) {
        if (runStart < 0) runStart = i;
        continue;
      }
      if (runStart >= 0 && i - runStart >= minLength) {
        rowsInRuns += i - runStart;
        runs.push({
          series: s,
          label: data.seriesLabels[s] ?? String(s),
          start: dayToIso(data.date[runStart] as number),
          end: dayToIso(data.date[i - 1] as number),
          length: i - runStart,
          position: runStart === from && i === to ? 'whole' : runStart === from ? 'start' : i === to ? 'end' : 'middle',
        });
      }
      runStart = -1;
    }
    if (runs.length > before) seriesWithRuns++;
  }
  runs.sort((a, b) => b.length - a.length || a.series - b.series || a.start.localeCompare(b.start));
  return { minLength, total: runs.length, rowsInRuns, seriesWithRuns, runs: runs.slice(0, limit) };
}
