import type { SalesData } from '../data/types';
import { dayToIso } from '../core/days';
import { median, robustZScores } from '../core/statistics';
import { decomposeSeries, seasonalPeriod, type SeriesDecomposition } from './decompose-series';
import { salesOnGrid } from '../data/sales-on-grid';
import { seriesRanges } from '../data/series-ranges';

export interface FlagOutliersOptions {
  /** Robust z beyond which a row is flagged. Default 3.5, Iglewicz & Hoaglin's recommendation. */
  threshold?: number;
  /** Keep at most this many rows, strongest first. Default 100. The total is reported either way. */
  limit?: number;
  /** Only this series. */
  series?: number;
}

export interface OutlierRow {
  date: string;
  series: number;
  label: string;
  value: number;
  /** What the series' trend and seasonal pattern lead one to expect on that date. */
  expected: number;
  /** Robust z of the residual: positive for a spike, negative for a dip. */
  score: number;
}

export interface OutlierReport {
  threshold: number;
  /** How many rows are beyond the threshold, in all. */
  total: number;
  seriesWithOutliers: number;
  /** The strongest `limit`, by |score|. */
  rows: OutlierRow[];
}

const DEFAULT_THRESHOLD = 3.5;
const DEFAULT_LIMIT = 100;
/** Fewer observations than this give no stable median/MAD to judge against. */
const MIN_OBSERVATIONS = 8;

/**
 * Rows that sit far from what their own series would predict. Per series:
 *   1. residual = sales - (trend + seasonal) from decomposeSeries on the series' regular date grid, or, for a series
 *      too short for two cycles, sales - the series median;
 *   2. score = robust z of the residuals (median/MAD, see statistics.ts), so the outliers cannot hide by inflating
 *      the scale, and a quiet series and a busy one are judged on their own spread.
 * Both on log(1 + sales): seasonality in sales is multiplicative, and a drop to zero matters as much as a doubling.
 * For an arbitrary array of residuals, use robustZScores directly.
 */
export function flagOutliers(data: SalesData, options: FlagOutliersOptions = {}): OutlierReport {
  const { threshold = DEFAULT_THRESHOLD, limit = DEFAULT_LIMIT } = options;
  const { start, end } = seriesRanges(data);
  const found: OutlierRow[] = [];
  let seriesWithOutliers = 0;
  for (let s = 0; s < start.length; s++) {
    if (options.series !== undefined && s !== options.series) continue;
    const before = found.length;
    scoreSeries(data, { series: s, from: start[s] as number, to: end[s] as number, threshold }, found);
    if (found.length > before) seriesWithOutliers++;
  }
  found.sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.series - b.series || a.date.localeCompare(b.date));
  return { threshold, total: found.length, seriesWithOutliers, rows: found.slice(0, limit) };
}

interface SeriesSlice {
  series: number;
  from: number;
  to: number;
  threshold: number;
}

function scoreSeries(data: SalesData, { series, from, to, threshold }: SeriesSlice, out: OutlierRow[]): void {
  let observed = 0;
  for (let i = from; i < to; i++) if ((data.sales[i] as number) === (data.sales[i] as number)) observed++;
  if (observed < MIN_OBSERVATIONS) return;
  const fitted = fittedLogSales(data, { from, to, threshold });
  const rows = new Int32Array(observed);
  const residuals = new Float64Array(observed);
  for (let i = from, k = 0; i < to; i++) {
    const v = data.sales[i] as number;
    if (v !== v) continue;
    rows[k] = i;
    residuals[k++] = logSales(v) - (fitted[i - from] as number);
  }
  const scores = robustZScores(residuals);
  for (let k = 0; k < observed; k++) {
    const score = scores[k] as number;
    if (!(Math.abs(score) > threshold)) continue;
    const i = rows[k] as number;
    out.push({
      date: dayToIso(data.date[i] as number),
      series,
      label: data.seriesLabels[series] ?? String(series),
      value: data.sales[i] as number,
      expected: Math.expm1(fitted[i - from] as number),
      score,
    });
  }
}

/**
 * Trend + seasonal of log(1 + sales) for each row of one series, or the log of its median when it cannot be
 * decomposed. A moving average is not robust: one big spike lifts the trend for a week around it, and its neighbours
 * then look odd too. So, as STL's robustness passes do, the rows that stand out in a first fit are set aside as
 * missing and the series is fitted again without them (slot medians, not means, keep the first fit usable).
 */
function fittedLogSales(data: SalesData, { from, to, threshold }: { from: number; to: number; threshold: number }): Float64Array {
  const fitted = new Float64Array(to - from);
  const grid = salesOnGrid(data, { from, to });
  // Retail seasonality is multiplicative (a busy Saturday is +60% whatever the level), so fit on log(1 + sales)
  // where an additive fit is right; negative sales (returns) count as zero here.
  const logged = new Float64Array(grid.values.length);
  for (let t = 0; t < logged.length; t++) logged[t] = logSales(grid.values[t] as number);
  const period = seasonalPeriod(data.frequency);
  const first = decomposeSeries(logged, { period, slotAverage: 'median' });
  if (!first.ok) {
    const sales = Array.from(data.sales.subarray(from, to)).filter((v) => v === v);
    return fitted.fill(logSales(median(sales)));
  }
  let onGrid = trendPlusSeasonal(first);
  const masked = maskOutliers(logged, onGrid, threshold);
  if (masked !== null) {
    const second = decomposeSeries(masked, { period, slotAverage: 'median', gapPasses: 1 });
    if (second.ok) onGrid = trendPlusSeasonal(second);
  }
  for (let k = 0; k < fitted.length; k++) fitted[k] = onGrid[grid.slotOfRow[k] as number] as number;
  return fitted;
}

function trendPlusSeasonal(parts: SeriesDecomposition): Float64Array {
  // The moving average stops period/2 short of each end; carry the nearest trend value out so the ends are judged too.
  const trend = extendEnds(parts.trend);
  const out = new Float64Array(trend.length);
  for (let t = 0; t < out.length; t++) out[t] = (trend[t] as number) + (parts.seasonal[t] as number);
  return out;
}

/** A copy of `logged` with the values beyond the threshold set to NaN, or null when there are none. */
function maskOutliers(logged: Float64Array, fitted: Float64Array, threshold: number): Float64Array | null {
  const slots: number[] = [];
  const residuals: number[] = [];
  for (let t = 0; t < logged.length; t++) {
    const r = (logged[t] as number) - (fitted[t] as number);
    if (r !== r) continue;
    slots.push(t);
    residuals.push(r);
  }
  const scores = robustZScores(residuals);
  let masked: Float64Array | null = null;
  for (let k = 0; k < slots.length; k++) {
    if (!(Math.abs(scores[k] as number) > threshold)) continue;
    masked ??= Float64Array.from(logged);
    masked[slots[k] as number] = NaN;
  }
  return masked;
}

/** log(1 + sales), the scale residuals are judged on; NaN stays NaN. */
function logSales(value: number): number {
  return Math.log1p(Math.max(0, value));
}

function extendEnds(trend: number[]): number[] {
  const first = trend.findIndex((v) => v === v);
  if (first < 0) return trend;
  let last = trend.length - 1;
  while ((trend[last] as number) !== (trend[last] as number)) last--;
  const out = trend.slice();
  for (let t = 0; t < first; t++) out[t] = trend[first] as number;
  for (let t = last + 1; t < out.length; t++) out[t] = trend[last] as number;
  // Interior gaps in the trend (windows over missing stretches) take the last value before them.
  for (let t = first + 1; t < last; t++) if ((out[t] as number) !== (out[t] as number)) out[t] = out[t - 1] as number;
  return out;
}
