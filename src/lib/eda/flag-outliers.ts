import type { SalesData } from '../data/types';
import { dayToIso } from '../core/days';
import { median, robustZScores } from '../core/statistics';
import { fitTrendAndPattern, seasonalPeriod, type TrendAndPattern } from './decompose-series';
import { salesOnGrid } from '../data/sales-on-grid';
import { seriesRanges } from '../data/series-ranges';
import { Scratch } from '../core/scratch';

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
  // Every series' temporaries come from one reused buffer (see Scratch: allocating them is slow in browsers).
  const scratch = new Scratch();
  for (let s = 0; s < start.length; s++) {
    if (options.series !== undefined && s !== options.series) continue;
    const before = found.length;
    scratch.reset();
    scoreSeries(data, { series: s, from: start[s] as number, to: end[s] as number, threshold, scratch }, found);
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
  scratch: Scratch;
}

function scoreSeries(data: SalesData, { series, from, to, threshold, scratch }: SeriesSlice, out: OutlierRow[]): void {
  let observed = 0;
  for (let i = from; i < to; i++) if ((data.sales[i] as number) === (data.sales[i] as number)) observed++;
  if (observed < MIN_OBSERVATIONS) return;
  const { onGrid, slotOfRow } = fitLogSales(data, { from, to, threshold, scratch });
  const residuals = scratch.take(observed);
  for (let i = from, k = 0; i < to; i++) {
    const v = data.sales[i] as number;
    if (v === v) residuals[k++] = logSales(v) - (onGrid[slotOfRow[i - from] as number] as number);
  }
  const scores = robustZScores(residuals, scratch.take(observed));
  for (let i = from, k = 0; i < to; i++) {
    const v = data.sales[i] as number;
    if (v !== v) continue;
    const score = scores[k++] as number;
    if (!(Math.abs(score) > threshold)) continue;
    out.push({
      date: dayToIso(data.date[i] as number),
      series,
      label: data.seriesLabels[series] ?? String(series),
      value: v,
      expected: Math.expm1(onGrid[slotOfRow[i - from] as number] as number),
      score,
    });
  }
}

interface LogSalesFit {
  /** Per slot of the series' date grid, the fitted log(1 + sales). */
  onGrid: Float64Array;
  /** Per row of the series, its slot. */
  slotOfRow: Int32Array;
}

/**
 * Trend + seasonal of log(1 + sales) for each slot of one series' date grid, or the log of its median when it cannot
 * be decomposed. A moving average is not robust: one big spike lifts the trend for a week around it, and its
 * neighbours then look odd too. So, as STL's robustness passes do, the rows that stand out in a first fit are set
 * aside as missing and the series is fitted again without them (slot medians, not means, keep the first fit usable).
 */
function fitLogSales(data: SalesData, { from, to, threshold, scratch }: Omit<SeriesSlice, 'series'>): LogSalesFit {
  const grid = salesOnGrid(data, { from, to, scratch });
  // Retail seasonality is multiplicative (a busy Saturday is +60% whatever the level), so fit on log(1 + sales)
  // where an additive fit is right; negative sales (returns) count as zero here.
  const logged = scratch.take(grid.values.length);
  for (let t = 0; t < logged.length; t++) logged[t] = logSales(grid.values[t] as number);
  const period = seasonalPeriod(data.frequency);
  const first = fitTrendAndPattern(logged, { period, slotAverage: 'median', scratch });
  if (!first.ok) {
    const sales = Array.from(data.sales.subarray(from, to)).filter((v) => v === v);
    return { onGrid: scratch.take(logged.length).fill(logSales(median(sales))), slotOfRow: grid.slotOfRow };
  }
  let onGrid = trendPlusSeasonal(first, scratch);
  const masked = maskOutliers(logged, onGrid, { threshold, scratch });
  if (masked !== null) {
    const second = fitTrendAndPattern(masked, { period, slotAverage: 'median', gapPasses: 1, scratch });
    if (second.ok) onGrid = trendPlusSeasonal(second, scratch);
  }
  return { onGrid, slotOfRow: grid.slotOfRow };
}

/**
 * trend + seasonal at every slot. The moving average stops period/2 short of each end: the nearest trend value is
 * carried out so the ends are judged too; an interior gap in the trend (a window over a missing stretch) takes the
 * last value before it.
 */
function trendPlusSeasonal({ trend, pattern, period }: TrendAndPattern, scratch: Scratch): Float64Array {
  const n = trend.length;
  let first = 0;
  while (first < n && (trend[first] as number) !== (trend[first] as number)) first++;
  let last = n - 1;
  while (last > first && (trend[last] as number) !== (trend[last] as number)) last--;
  const out = scratch.take(n);
  let level = first < n ? (trend[first] as number) : NaN;
  for (let t = 0, slot = 0; t < n; t++, slot = slot + 1 === period ? 0 : slot + 1) {
    const value = trend[t] as number;
    if (t <= last && value === value) level = value;
    out[t] = level + (pattern[slot] as number);
  }
  return out;
}

/** A copy of `logged` with the values beyond the threshold set to NaN, or null when there are none. */
function maskOutliers(
  logged: Float64Array,
  fitted: Float64Array,
  { threshold, scratch }: { threshold: number; scratch: Scratch },
): Float64Array | null {
  const slots = scratch.take(logged.length);
  const residuals = scratch.take(logged.length);
  let count = 0;
  for (let t = 0; t < logged.length; t++) {
    const r = (logged[t] as number) - (fitted[t] as number);
    if (r !== r) continue;
    slots[count] = t;
    residuals[count++] = r;
  }
  const scores = robustZScores(residuals.subarray(0, count), scratch.take(count));
  let masked: Float64Array | null = null;
  for (let k = 0; k < count; k++) {
    if (!(Math.abs(scores[k] as number) > threshold)) continue;
    if (masked === null) {
      masked = scratch.take(logged.length);
      masked.set(logged);
    }
    masked[slots[k] as number] = NaN;
  }
  return masked;
}

/** log(1 + sales), the scale residuals are judged on; NaN stays NaN. */
function logSales(value: number): number {
  return Math.log1p(Math.max(0, value));
}
