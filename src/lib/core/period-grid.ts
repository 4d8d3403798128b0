import type { SalesData } from '../data/types';
import { periodIndex } from './periods';

/**
 * The simulated future laid out as periods × series, so each simulated period finds its rows without a search:
 * `row[t * series + s]` is the world's row of series s in period t (−1 when the series has no row then: a product
 * not launched yet, a store renamed away).
 */
export interface PeriodGrid {
  /** Dates (days since epoch) of the simulated periods, ascending. */
  dates: Int32Array;
  series: number;
  row: Int32Array;
  /** The last date of the history, i.e. the day before the simulation starts (the period −1). */
  historyEnd: number;
}

/** The grid of the periods after `historyEnd` (at most `periods` of them). */
export function periodGrid(data: SalesData, options: { historyEnd: number; periods: number }): PeriodGrid {
  const { historyEnd, periods } = options;
  const base = periodIndex(historyEnd, data.frequency);
  const dates = new Int32Array(periods).fill(-1);
  const series = data.seriesLabels.length;
  const row = new Int32Array(periods * series).fill(-1);
  for (let r = 0; r < data.date.length; r++) {
    const date = data.date[r] as number;
    if (date <= historyEnd) continue;
    const t = periodIndex(date, data.frequency) - base - 1;
    if (t < 0 || t >= periods) continue;
    dates[t] = date;
    row[t * series + (data.series[r] as number)] = r;
  }
  // A period no series has a row in cannot be simulated: the grid stops before it.
  const filled = dates.findIndex((d) => d < 0);
  const length = filled < 0 ? periods : filled;
  return { dates: dates.slice(0, length), series, row: row.slice(0, length * series), historyEnd };
}

/** The date of period t; t = −1 is the history's end. */
export function gridDate(grid: PeriodGrid, t: number): number {
  return t < 0 ? grid.historyEnd : (grid.dates[t] as number);
}

/** The last history date: weekly and monthly stamps sit days apart, so it is not simply the day before the start. */
export function historyEndBefore(dates: Int32Array, start: number): number {
  let last = -Infinity;
  for (const d of dates) if (d < start && d > last) last = d;
  return last;
}
