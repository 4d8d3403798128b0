import type { SalesData } from '../data/types';
import { evaluateMessages } from '../messages/evaluate';
import type { BaselineForecast, BaselineOptions } from './baseline-types';
import { prepareBaseline } from './prepare-baseline';

/** Naive: every step repeats the last observed sales value up to the cutoff (NaN sales skipped). */
export function naiveForecast(data: SalesData, options: BaselineOptions): BaselineForecast {
  const { histories, forecast, horizon } = prepareBaseline(data, options);
  const noHistory: number[] = [];
  for (const { series, values } of histories) {
    if (values.length === 0) {
      noHistory.push(series);
      continue;
    }
    forecast.p50.fill(values[values.length - 1] as number, series * horizon, (series + 1) * horizon);
  }
  const warnings = noHistory.length > 0 ? [evaluateMessages.noHistory(noHistory.length)] : [];
  return { kind: 'naive', cutoff: options.cutoff, horizon, parameter: null, forecast, noHistory, warnings };
}
