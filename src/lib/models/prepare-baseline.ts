import type { SalesData } from '../data/types';
import { dateInPeriod, periodIndex } from '../core/periods';
import { seriesRanges } from '../data/series-ranges';
import { checkCount } from '../split/check-count';
import type { BaselineOptions } from './baseline-types';
import type { Forecast } from './types';

/** One series' observed history up to the cutoff: sales that are not NaN, in date order, with their periods. */
export interface SeriesHistory {
  series: number;
  values: number[];
  periods: number[];
}

export interface PreparedBaseline {
  /** The cutoff's period on the frequency's grid; step k forecasts period `cutoffPeriod + k`. */
  cutoffPeriod: number;
  horizon: number;
  histories: SeriesHistory[];
  /** series/date/step filled in, p50 all NaN: row `s * horizon + k - 1` is series s, step k. */
  forecast: Forecast;
}

/**
 * The compiled half shared by the baselines: reads each series' history up to the cutoff (NaN sales skipped) and lays
 * out the forecast rows. Forecast dates follow each series' own stamps (see `dateInPeriod`), taken from its last row up
 * to the cutoff, else its first row, else the table's last row.
 */
export function prepareBaseline(data: SalesData, options: BaselineOptions): PreparedBaseline {
  const horizon = checkCount('horizon', options.horizon);
  const { frequency } = data;
  const cutoffPeriod = periodIndex(options.cutoff, frequency);
  const { start, end } = seriesRanges(data);
  const seriesCount = data.seriesLabels.length;
  const fallbackStamp = data.date.length > 0 ? (data.date[data.date.length - 1] as number) : options.cutoff;

  const histories: SeriesHistory[] = [];
  const n = seriesCount * horizon;
  const forecast: Forecast = {
    series: new Int32Array(n),
    date: new Int32Array(n),
    step: new Int32Array(n),
    p50: new Float64Array(n).fill(NaN),
  };
  for (let s = 0; s < seriesCount; s++) {
    const from = start[s] as number;
    const to = end[s] as number;
    const values: number[] = [];
    const periods: number[] = [];
    let stamp = from < to ? (data.date[from] as number) : fallbackStamp;
    for (let i = from; i < to; i++) {
      const day = data.date[i] as number;
      const period = periodIndex(day, frequency);
      if (period > cutoffPeriod) break;
      stamp = day;
      const v = data.sales[i] as number;
      if (Number.isNaN(v)) continue;
      values.push(v);
      periods.push(period);
    }
    histories.push({ series: s, values, periods });
    for (let k = 1; k <= horizon; k++) {
      const row = s * horizon + k - 1;
      forecast.series[row] = s;
      forecast.step[row] = k;
      forecast.date[row] = dateInPeriod(stamp, cutoffPeriod + k, frequency);
    }
  }
  return { cutoffPeriod, horizon, histories, forecast };
}
