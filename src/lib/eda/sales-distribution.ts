import type { SalesData } from '../data/types';

export interface SalesDistributionOptions {
  /** Number of equal-width bins between the smallest and largest sales. Default 30. */
  bins?: number;
}

export interface HistogramBin {
  /** Inclusive lower edge. */
  start: number;
  /** Exclusive upper edge, except the last bin, which includes the maximum (as numpy.histogram does). */
  end: number;
  count: number;
}

export interface SalesDistribution {
  bins: HistogramBin[];
  /** Rows with recorded sales. */
  count: number;
  missing: number;
  /** Share of recorded sales that are exactly zero: intermittent demand and stock-outs show up here first. */
  zeroShare: number | null;
  /** Share below zero (returns or data errors). */
  negativeShare: number | null;
  min: number | null;
  max: number | null;
}

const DEFAULT_BINS = 30;

export function salesDistribution(data: SalesData, { bins = DEFAULT_BINS }: SalesDistributionOptions = {}): SalesDistribution {
  const sales = data.sales;
  let count = 0;
  let zeros = 0;
  let negatives = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < sales.length; i++) {
    const v = sales[i] as number;
    if (v !== v) continue;
    count++;
    if (v === 0) zeros++;
    else if (v < 0) negatives++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const missing = sales.length - count;
  if (count === 0) return { bins: [], count, missing, zeroShare: null, negativeShare: null, min: null, max: null };

  // A constant column gets one bin of width 1 rather than a division by zero.
  const binCount = max > min ? Math.max(1, Math.floor(bins)) : 1;
  const width = max > min ? (max - min) / binCount : 1;
  const counts = new Float64Array(binCount);
  for (let i = 0; i < sales.length; i++) {
    const v = sales[i] as number;
    if (v !== v) continue;
    counts[Math.min(binCount - 1, Math.floor((v - min) / width))]!++;
  }
  const edges = Array.from({ length: binCount + 1 }, (_, b) => (b === binCount ? Math.max(max, min + width) : min + b * width));
  return {
    bins: Array.from(counts, (c, b) => ({ start: edges[b] as number, end: edges[b + 1] as number, count: c })),
    count,
    missing,
    zeroShare: zeros / count,
    negativeShare: negatives / count,
    min,
    max,
  };
}
