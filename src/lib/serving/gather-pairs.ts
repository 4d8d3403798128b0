import type { MatchedForecasts } from './match-actuals';
import { forEachPair, type PairFilter } from './for-each-pair';

/** The pairs that pass the filter as aligned columns, for the evaluate metrics (wape, mae, bias, businessMetrics). */
export function gatherPairs(matched: MatchedForecasts, filter: PairFilter): { actual: Float64Array; forecast: Float64Array } {
  const actual: number[] = [];
  const forecast: number[] = [];
  forEachPair(matched, filter, (_, y, f) => {
    actual.push(y);
    forecast.push(f);
  });
  return { actual: Float64Array.from(actual), forecast: Float64Array.from(forecast) };
}
