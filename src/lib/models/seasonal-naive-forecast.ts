import type { SalesData } from '../data/types';
import { SEASON_LENGTH } from '../data/validate-sales';
import { evaluateMessages } from '../messages/evaluate';
import { checkCount } from '../split/check-count';
import type { BaselineForecast, BaselineOptions } from './baseline-types';
import { prepareBaseline } from './prepare-baseline';

export interface SeasonalNaiveOptions extends BaselineOptions {
  /** Periods in one season; default `SEASON_LENGTH[frequency]` (7 daily, 52 weekly, 12 monthly). */
  season?: number;
}

/**
 * Seasonal naive: step k repeats the value of the same period one season earlier, ŷ(c+k) = y(c+k − m·⌈k/m⌉), so that
 * every step reads history up to the cutoff only. When that period has no observed sales, the seasons before it are
 * tried; when none of them has any, the last observed value stands in (and the series is named in the warnings).
 */
export function seasonalNaiveForecast(data: SalesData, options: SeasonalNaiveOptions): BaselineForecast {
  const season = checkCount('season', options.season ?? SEASON_LENGTH[data.frequency]);
  const { histories, forecast, horizon, cutoffPeriod } = prepareBaseline(data, options);
  const noHistory: number[] = [];
  let short = 0;
  for (const { series, values, periods } of histories) {
    if (values.length === 0) {
      noHistory.push(series);
      continue;
    }
    const byPeriod = new Map<number, number>();
    periods.forEach((p, i) => byPeriod.set(p, values[i] as number));
    const firstPeriod = periods[0] as number;
    const lastValue = values[values.length - 1] as number;
    let fellBack = false;
    for (let k = 1; k <= horizon; k++) {
      let value: number | undefined;
      for (let p = cutoffPeriod + k - season * Math.ceil(k / season); p >= firstPeriod && value === undefined; p -= season) {
        value = byPeriod.get(p);
      }
      if (value === undefined) fellBack = true;
      forecast.p50[series * horizon + k - 1] = value ?? lastValue;
    }
    if (fellBack) short++;
  }
  const warnings: string[] = [];
  if (noHistory.length > 0) warnings.push(evaluateMessages.noHistory(noHistory.length));
  if (short > 0) warnings.push(evaluateMessages.shortSeasonalHistory(short, season));
  return { kind: 'seasonal-naive', cutoff: options.cutoff, horizon, parameter: season, forecast, noHistory, warnings };
}
