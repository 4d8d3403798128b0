import type { SalesData } from '../data/types';

/**
 * Where each series' rows start and end: series s holds rows [offsets[s], offsets[s + 1]). SalesData is sorted by
 * (series, date), so every series is one contiguous run.
 */
export function seriesRows(data: SalesData): Int32Array {
  const count = data.seriesLabels.length;
  const offsets = new Int32Array(count + 1);
  const series = data.series;
  for (let i = 0; i < series.length; i++) {
    const s = series[i] as number;
    offsets[s + 1] = (offsets[s + 1] as number) + 1;
  }
  for (let s = 0; s < count; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
  return offsets;
}
