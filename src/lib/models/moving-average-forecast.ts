import type { Frequency, SalesData } from '../data/types';
import { evaluateMessages } from '../messages/evaluate';
import { checkCount } from '../split/check-count';
import type { BaselineForecast, BaselineOptions } from './baseline-types';
import { prepareBaseline } from './prepare-baseline';

/**
 * Default window: a full week of days (so the weekday pattern averages out), four weeks, three months. A whole season
 * for weekly or monthly data (52 weeks, 12 months) would lag any trend by half a year, and seasonality is the seasonal
 * naive baseline's job; a month of weeks or a quarter of months tracks the recent level.
 */
export const DEFAULT_MOVING_AVERAGE_WINDOW: Readonly<Record<Frequency, number>> = { daily: 7, weekly: 4, monthly: 3 };

export interface MovingAverageOptions extends BaselineOptions {
  /** Observed values to average; default `DEFAULT_MOVING_AVERAGE_WINDOW[frequency]`. */
  window?: number;
}

/**
 * Moving average: every step gets the mean of the last `window` observed values up to the cutoff (NaN sales skipped,
 * so a gap widens the window in time rather than shrinking the average). Flat over the horizon; a series with fewer
 * observed values than the window averages what it has.
 */
export function movingAverageForecast(data: SalesData, options: MovingAverageOptions): BaselineForecast {
  const window = checkCount('window', options.window ?? DEFAULT_MOVING_AVERAGE_WINDOW[data.frequency]);
  const { histories, forecast, horizon } = prepareBaseline(data, options);
  const noHistory: number[] = [];
  for (const { series, values } of histories) {
    if (values.length === 0) {
      noHistory.push(series);
      continue;
    }
    const from = Math.max(0, values.length - window);
    let sum = 0;
    for (let i = from; i < values.length; i++) sum += values[i] as number;
    forecast.p50.fill(sum / (values.length - from), series * horizon, (series + 1) * horizon);
  }
  const warnings = noHistory.length > 0 ? [evaluateMessages.noHistory(noHistory.length)] : [];
  return { kind: 'moving-average', cutoff: options.cutoff, horizon, parameter: window, forecast, noHistory, warnings };
}
