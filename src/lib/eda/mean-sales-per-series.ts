import type { SalesData } from '../data/types';

/** Each series' mean of recorded (non-missing) sales; 0 for a series with none. */
export function meanSalesPerSeries(data: SalesData): Float64Array {
  const sums = new Float64Array(data.seriesLabels.length);
  const counts = new Float64Array(data.seriesLabels.length);
  for (let i = 0; i < data.sales.length; i++) {
    const v = data.sales[i] as number;
    if (v !== v) continue;
    const s = data.series[i] as number;
    sums[s]! += v;
    counts[s]!++;
  }
  for (let s = 0; s < sums.length; s++) sums[s] = (counts[s] as number) > 0 ? (sums[s] as number) / (counts[s] as number) : 0;
  return sums;
}
