import { mean } from '../core/statistics';
import type { Forecast } from './types';

/**
 * An ensemble's forecast: per (series, step), the mean or the median of the members that forecast it. A member that
 * skipped a series (a neural model without enough lag history there) is left out of that series' combination rather
 * than counted as 0; the quantiles are combined the same way as the point (an approximation: a mean of quantiles is
 * not the quantile of the mean, but it keeps the interval on the combined forecast's scale).
 */
export function combineForecasts(members: readonly Forecast[], method: 'mean' | 'median'): Forecast {
  const keyed = new Map<string, { series: number; date: number; step: number; p50: number[]; p10: number[]; p90: number[] }>();
  for (const forecast of members) {
    for (let i = 0; i < forecast.p50.length; i++) {
      const p50 = forecast.p50[i] as number;
      if (!Number.isFinite(p50)) continue;
      const key = `${forecast.series[i]}:${forecast.step[i]}`;
      let entry = keyed.get(key);
      if (!entry) {
        entry = { series: forecast.series[i] as number, date: forecast.date[i] as number, step: forecast.step[i] as number, p50: [], p10: [], p90: [] };
        keyed.set(key, entry);
      }
      entry.p50.push(p50);
      const p10 = forecast.p10?.[i];
      const p90 = forecast.p90?.[i];
      if (p10 !== undefined && Number.isFinite(p10)) entry.p10.push(p10);
      if (p90 !== undefined && Number.isFinite(p90)) entry.p90.push(p90);
    }
  }
  const entries = [...keyed.values()].sort((a, b) => a.series - b.series || a.step - b.step);
  const n = entries.length;
  const combined: Forecast = { series: new Int32Array(n), date: new Int32Array(n), step: new Int32Array(n), p50: new Float64Array(n) };
  const withIntervals = entries.length > 0 && entries.every((e) => e.p10.length > 0 && e.p90.length > 0);
  if (withIntervals) {
    combined.p10 = new Float64Array(n);
    combined.p90 = new Float64Array(n);
  }
  const reduce = method === 'mean' ? mean : median;
  entries.forEach((entry, i) => {
    combined.series[i] = entry.series;
    combined.date[i] = entry.date;
    combined.step[i] = entry.step;
    combined.p50[i] = reduce(entry.p50);
    if (combined.p10 && combined.p90) {
      combined.p10[i] = Math.min(reduce(entry.p10), combined.p50[i] as number);
      combined.p90[i] = Math.max(reduce(entry.p90), combined.p50[i] as number);
    }
  });
  return combined;
}

/**
 * The middle pair averaged as (a + b) / 2, not by core/statistics' numpy-style interpolation, which can differ in the
 * last bit: ensembles in stored runs must replay to the same forecasts.
 */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
