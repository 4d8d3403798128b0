import type { SalesData } from '../data/types';
import { periodEnd, periodIndex } from '../core/periods';
import { seriesRanges } from '../data/series-ranges';
import type { Forecast } from '../models/types';

export interface AlignedActuals {
  /** Per forecast row, the data row of the same series and period, or -1 when the data has none. */
  row: Int32Array;
  /** Per forecast row, that row's sales (NaN when there is no row, or its sales are missing). */
  actual: Float64Array;
}

/**
 * Lines the actuals up with a forecast: forecast row i gets the data row of its series in the same period (day, week,
 * month), so a forecast stamped on another weekday or day of the month still finds its actual.
 */
export function alignForecast(data: SalesData, forecast: Forecast): AlignedActuals {
  const { start, end } = seriesRanges(data);
  const n = forecast.series.length;
  const row = new Int32Array(n).fill(-1);
  const actual = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const s = forecast.series[i] as number;
    if (s < 0 || s >= start.length) continue;
    const period = periodIndex(forecast.date[i] as number, data.frequency);
    const before = periodEnd(period - 1, data.frequency);
    let lo = start[s] as number;
    let hi = end[s] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((data.date[mid] as number) > before) hi = mid;
      else lo = mid + 1;
    }
    if (lo < (end[s] as number) && (data.date[lo] as number) <= periodEnd(period, data.frequency)) {
      row[i] = lo;
      actual[i] = data.sales[lo] as number;
    }
  }
  return { row, actual };
}
