import type { Frequency } from '../data/types';
import { periodIndex } from '../core/periods';
import type { Forecast } from '../models/types';

/**
 * Another forecast's point values (e.g. a baseline's) lined up with `target`'s rows by series and period; NaN where
 * the other forecast has no row for it.
 */
export function matchForecast(target: Forecast, other: Forecast, frequency: Frequency): Float64Array {
  const byKey = new Map<string, number>();
  for (let i = 0; i < other.series.length; i++) {
    byKey.set(`${other.series[i]}:${periodIndex(other.date[i] as number, frequency)}`, other.p50[i] as number);
  }
  return Float64Array.from(target.series, (s, i) => byKey.get(`${s}:${periodIndex(target.date[i] as number, frequency)}`) ?? NaN);
}
