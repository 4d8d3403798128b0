import type { Frequency } from '../data/types';
import { exploreMessages } from '../messages/explore';
import { medianInPlace } from '../core/statistics';
import { Scratch } from '../core/scratch';

/** Refill passes for gaps; each shrinks the error left by the previous fill about period-fold. */
const GAP_PASSES = 5;

export interface DecomposeSeriesOptions {
  /** Observations per seasonal cycle: 7 for daily data (weekly cycle), 52 weekly, 12 monthly. */
  period: number;
  /**
   * How each slot's seasonal effect averages its detrended values: 'mean' (classical, the default) or 'median',
   * which one wild value cannot move (what outlier detection needs).
   */
  slotAverage?: 'mean' | 'median';
  /** Refill passes for interior gaps (see below). Default 5; outlier screening, which needs less precision, uses 1. */
  gapPasses?: number;
}

export interface FitTrendAndPatternOptions extends DecomposeSeriesOptions {
  /** Where the fit's temporaries come from, for a caller fitting many series (reset by the caller). Default: fresh. */
  scratch?: Scratch;
}

export interface SeriesDecomposition {
  ok: true;
  period: number;
  /** Centred moving average; NaN for the first and last period/2 points and where the window had gaps. */
  trend: number[];
  /** The seasonal pattern repeated along the series (defined everywhere). */
  seasonal: number[];
  /** observed - trend - seasonal; NaN where either is missing. */
  residual: number[];
  /** One value per slot of the cycle (slot 0 = the first observation's position), centred to sum to 0. */
  pattern: number[];
  /** max(pattern) - min(pattern): the peak-to-trough swing, in sales units. */
  seasonalAmplitude: number;
  /** Hyndman's strength of seasonality, 0–1: 1 - var(residual) / var(seasonal + residual). */
  seasonalStrength: number | null;
  /** Likewise for trend: 1 - var(residual) / var(trend + residual). */
  trendStrength: number | null;
}

export interface DecompositionUnavailable {
  ok: false;
  period: number;
  reason: string;
}

/** The seasonal cycle length that goes with a frequency. Weekly data uses 52 (a year, rounding off the spare day). */
export function seasonalPeriod(frequency: Frequency): number {
  return frequency === 'daily' ? 7 : frequency === 'weekly' ? 52 : 12;
}

/**
 * Classical additive decomposition, as statsmodels' seasonal_decompose(model='additive', two_sided=True):
 *   1. trend    = centred moving average over one period (a 2×period average when the period is even);
 *   2. seasonal = mean of (observed - trend) per slot of the cycle, centred to 0, repeated;
 *   3. residual = observed - trend - seasonal.
 * Values must lie on a regular grid (one per period, NaN where missing). Interior gaps are bridged by linear
 * interpolation for the moving average only, so one missing day does not blank out a whole window of trend;
 * missing observations stay missing in the residual. Needs two full cycles of observations.
 */
export function decomposeSeries(
  values: ArrayLike<number>,
  options: DecomposeSeriesOptions,
): SeriesDecomposition | DecompositionUnavailable {
  const fit = fitTrendAndPattern(values, options);
  if (!fit.ok) return fit;
  const { period: p, trend, pattern } = fit;
  const n = values.length;
  const seasonal = new Array<number>(n);
  const residual = new Array<number>(n);
  for (let t = 0; t < n; t++) {
    seasonal[t] = pattern[t % p] as number;
    residual[t] = (values[t] as number) - (trend[t] as number) - (seasonal[t] as number);
  }
  return {
    ok: true,
    period: p,
    trend,
    seasonal,
    residual,
    pattern,
    seasonalAmplitude: Math.max(...pattern) - Math.min(...pattern),
    seasonalStrength: strength(residual, seasonal),
    trendStrength: strength(residual, trend),
  };
}

/** Steps 1 and 2 of decomposeSeries: the trend and the seasonal pattern (seasonal[t] = pattern[t % period]). */
export interface TrendAndPattern {
  ok: true;
  period: number;
  trend: number[];
  pattern: number[];
}

/**
 * Steps 1 and 2 of decomposeSeries alone, for callers that need trend + seasonal but no residual or strengths
 * (outlier screening fits every series, twice).
 */
export function fitTrendAndPattern(
  values: ArrayLike<number>,
  { period, slotAverage = 'mean', gapPasses = GAP_PASSES, scratch }: FitTrendAndPatternOptions,
): TrendAndPattern | DecompositionUnavailable {
  const n = values.length;
  const p = Math.max(2, Math.round(period));
  let observed = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v !== v) continue;
    observed++;
    scale = Math.max(scale, Math.abs(v));
  }
  if (n < 2 * p) return { ok: false, period: p, reason: exploreMessages.decompositionTooShort(n, p) };
  if (observed < 2 * p) return { ok: false, period: p, reason: exploreMessages.decompositionTooSparse(observed, p) };

  // Gaps are first bridged by straight lines, which miss the seasonal swing (a missing Saturday is filled like a
  // weekday and drags its window's average); each further pass refills them with trend + seasonal from the last.
  const gaps = interiorGaps(values);
  // The temporaries (the filled series, the moving average's prefix sums, the values by slot) are taken once and
  // reused by every pass.
  const memory = scratch ?? new Scratch(4 * n + 2);
  const work: WorkArrays = { sum: memory.take(n + 1), gaps: memory.take(n + 1), bySlot: memory.take(n) };
  const filled = interpolateGaps(values, memory.take(n));
  let trend = movingAverage(filled, p, work);
  let pattern = seasonalPattern(values, trend, { p, slotAverage, work });
  for (let pass = 0; pass < gapPasses && gaps.length > 0; pass++) {
    let change = 0;
    for (const t of gaps) {
      // Near the ends the moving average is undefined: keep the straight-line fill there.
      const estimate = (trend[t] as number) + (pattern[t % p] as number);
      if (estimate !== estimate) continue;
      change = Math.max(change, Math.abs(estimate - (filled[t] as number)));
      filled[t] = estimate;
    }
    // Settled: further passes would only move the last few bits.
    if (change <= 1e-12 * scale) break;
    trend = movingAverage(filled, p, work);
    pattern = seasonalPattern(values, trend, { p, slotAverage, work });
  }
  return { ok: true, period: p, trend, pattern };
}

/** Work arrays of fitTrendAndPattern's steps: what they hold is overwritten by each use. */
interface WorkArrays {
  /** n + 1 each. */
  sum: Float64Array;
  gaps: Float64Array;
  /** n. */
  bySlot: Float64Array;
}

/** Average of (observed - trend) per slot of the cycle, centred to sum to 0. */
function seasonalPattern(
  values: ArrayLike<number>,
  trend: number[],
  { p, slotAverage, work }: { p: number; slotAverage: 'mean' | 'median'; work: WorkArrays },
): number[] {
  const n = values.length;
  // Plain arrays: p is up to 52, past the size of typed array V8 keeps on its own heap (cheap to allocate).
  const counts = new Array<number>(p).fill(0);
  const sums = new Array<number>(p).fill(0);
  // The slot is counted along rather than taken as t % p: a division per value is most of a loop this short.
  for (let t = 0, slot = 0; t < n; t++, slot = slot + 1 === p ? 0 : slot + 1) {
    const d = (values[t] as number) - (trend[t] as number);
    if (d !== d) continue;
    counts[slot]!++;
    sums[slot]! += d;
  }
  const averages = new Array<number>(p);
  if (slotAverage === 'mean') {
    for (let k = 0; k < p; k++) averages[k] = (counts[k] as number) > 0 ? (sums[k] as number) / (counts[k] as number) : 0;
  } else {
    // Each slot's values in a stretch of one array.
    const starts = new Array<number>(p + 1).fill(0);
    for (let k = 0; k < p; k++) starts[k + 1] = (starts[k] as number) + (counts[k] as number);
    const next = starts.slice(0, p);
    const bySlot = work.bySlot;
    for (let t = 0, slot = 0; t < n; t++, slot = slot + 1 === p ? 0 : slot + 1) {
      const d = (values[t] as number) - (trend[t] as number);
      if (d === d) bySlot[next[slot]!++] = d;
    }
    for (let k = 0; k < p; k++) {
      averages[k] = (counts[k] as number) > 0 ? medianInPlace(bySlot.subarray(starts[k] as number, starts[k + 1] as number)) : 0;
    }
  }
  // A slot never seen detrended gets no seasonal effect (0 above) rather than a NaN that would spread everywhere.
  let centre = 0;
  for (let k = 0; k < p; k++) centre += (averages[k] as number) / p;
  for (let k = 0; k < p; k++) averages[k] = (averages[k] as number) - centre;
  return averages;
}

/** Positions of missing values that have an observation somewhere on each side. */
function interiorGaps(values: ArrayLike<number>): number[] {
  let first = -1;
  let last = -1;
  for (let t = 0; t < values.length; t++) {
    if ((values[t] as number) !== (values[t] as number)) continue;
    if (first < 0) first = t;
    last = t;
  }
  const gaps: number[] = [];
  for (let t = first + 1; t < last; t++) if ((values[t] as number) !== (values[t] as number)) gaps.push(t);
  return gaps;
}

/** Linear interpolation across interior NaN runs, into `out`; leading and trailing NaNs stay. */
function interpolateGaps(values: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = values[i] as number;
  let last = -1;
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    if (v !== v) continue;
    if (last >= 0 && i - last > 1) {
      const from = out[last] as number;
      for (let j = last + 1; j < i; j++) out[j] = from + ((v - from) * (j - last)) / (i - last);
    }
    last = i;
  }
  return out;
}

/** Centred moving average via prefix sums (O(n) for any period); NaN when the window is incomplete. */
function movingAverage(values: Float64Array, p: number, { sum, gaps }: WorkArrays): number[] {
  const n = values.length;
  sum[0] = 0;
  gaps[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const missing = v !== v;
    sum[i + 1] = (sum[i] as number) + (missing ? 0 : v);
    gaps[i + 1] = (gaps[i] as number) + (missing ? 1 : 0);
  }
  const even = p % 2 === 0;
  const h = even ? p / 2 : (p - 1) / 2;
  const trend = new Array<number>(n).fill(NaN);
  for (let t = h; t + h < n; t++) {
    if ((gaps[t + h + 1] as number) - (gaps[t - h] as number) > 0) continue;
    const window = (sum[t + h + 1] as number) - (sum[t - h] as number);
    // The 2×p average of an even period: the two end points get half weight, so the window is centred on t.
    trend[t] = even ? (window - 0.5 * ((values[t - h] as number) + (values[t + h] as number))) / p : window / p;
  }
  return trend;
}

/** Hyndman's strength: 1 - var(residual) / var(component + residual), over the points where both exist. */
function strength(residual: number[], component: number[]): number | null {
  // Two passes (means, then squared deviations) keep the variances accurate for large sales values.
  let n = 0;
  let meanR = 0;
  let meanCR = 0;
  for (let t = 0; t < residual.length; t++) {
    const e = residual[t] as number;
    if (e !== e) continue;
    n++;
    meanR += e;
    meanCR += e + (component[t] as number);
  }
  if (n < 2) return null;
  meanR /= n;
  meanCR /= n;
  let ssR = 0;
  let ssCR = 0;
  for (let t = 0; t < residual.length; t++) {
    const e = residual[t] as number;
    if (e !== e) continue;
    const dcr = e + (component[t] as number) - meanCR;
    ssR += (e - meanR) * (e - meanR);
    ssCR += dcr * dcr;
  }
  if (!(ssCR > 0)) return null;
  return Math.max(0, 1 - ssR / ssCR);
}
