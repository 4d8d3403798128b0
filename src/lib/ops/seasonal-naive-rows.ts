import type { SalesData } from '../data/types';
import { SEASON_LENGTH } from '../data/validate-sales';
import { periodIndex } from '../core/periods';

/**
 * One-step-ahead "predictions" of the baselines for the rows dated from … to: each row's sales one season earlier
 * (7 days, 52 weeks, 12 months), NaN where that period has no row. What a registered baseline answers on reference
 * data; a naive or moving-average champion is judged on the same seasonal stand-in, which is close enough for drift.
 */
export function seasonalNaiveRows(data: SalesData, range: { from: number; to: number }): Float64Array {
  const season = SEASON_LENGTH[data.frequency];
  const at = new Map<number, number>();
  const key = (series: number, period: number) => series * 1e7 + period;
  for (let r = 0; r < data.date.length; r++) at.set(key(data.series[r] as number, periodIndex(data.date[r] as number, data.frequency)), data.sales[r] as number);
  const out = new Float64Array(data.date.length).fill(NaN);
  for (let r = 0; r < data.date.length; r++) {
    const d = data.date[r] as number;
    if (d < range.from || d > range.to) continue;
    out[r] = at.get(key(data.series[r] as number, periodIndex(d, data.frequency) - season)) ?? NaN;
  }
  return out;
}
