/**
 * STL, seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990), as R's `stats::stl`
 * runs it (netlib's `stl.f`) with R's defaults and no robustness iterations — what `forecast::mstl` asks of it on a
 * series with one seasonal period. Each of the two inner passes (trend starts at 0):
 *
 *     y − trend ──► 1. loess along each cycle-subseries, one value added at each end ──► C  (n + 2·period)
 *                                                                                        │
 *                   2. low-pass of C: moving averages of length period, period, 3,       │
 *                      then loess (n + 2·period → n) ──► L                               │
 *                                                        │                               │
 *                   3. seasonal = C (its middle n) − L ◄─┴───────────────────────────────┘
 *                   4. trend    = loess of (y − seasonal)  ──► the next pass detrends with it
 *
 *   remainder = y − seasonal − trend. R's s.window = "periodic" (a fixed pattern) is not ported: mstl does not ask for it.
 *
 * Every loess here fits at every `jump`-th point only and joins them by straight lines, exactly as stl.f does, so the
 * numbers match R's to rounding. Windows and jumps follow R's `stl()` defaults: t.window = nextodd(⌈1.5·period /
 * (1 − 1.5/s.window)⌉), l.window = nextodd(period), degree 0 for the seasonal loess and 1 for the others,
 * jump = ⌈window/10⌉; stl.f then makes every window odd and at least 3.
 */

export interface StlOptions {
  /** Observations per seasonal cycle (an integer ≥ 2); the series must be longer than two cycles. */
  period: number;
  /** Span of the cycle-subseries loess, in cycles (robust fitting, stl.f's outer iterations, is not ported: mstl does not use it). */
  sWindow: number;
}

export interface StlDecomposition {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
}

/** R's `nextodd`: rounded, then one more if even. */
function nextOdd(x: number): number {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
}

/** stl.f's own adjustment of a span: at least 3, and odd. */
function oddSpan(span: number): number {
  const s = Math.max(3, span);
  return s % 2 === 0 ? s + 1 : s;
}

/**
 * Decompose x into seasonal + trend + remainder (see the header). Throws a RangeError, as R's `stl` stops, when the
 * period is below 2 or the series has no more than two cycles.
 */
export function stl(x: Float64Array, options: StlOptions): StlDecomposition {
  const n = x.length;
  const period = options.period;
  if (!Number.isInteger(period) || period < 2 || n <= 2 * period) {
    throw new RangeError(`stl needs an integer period ≥ 2 and more than two periods (period ${period}, n ${n})`);
  }
  const sWindow = options.sWindow;
  const tWindow = nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow)));
  const lWindow = nextOdd(period);
  // The jumps come from the windows as given, before stl.f adjusts the windows.
  const seasonalLoess: Loess = { span: oddSpan(sWindow), degree: 0, jump: Math.ceil(sWindow / 10) };
  const trendLoess: Loess = { span: oddSpan(tWindow), degree: 1, jump: Math.ceil(tWindow / 10) };
  const lowPassLoess: Loess = { span: oddSpan(lWindow), degree: 1, jump: Math.ceil(lWindow / 10) };

  const seasonal = new Float64Array(n);
  let trend: Float64Array = new Float64Array(n);
  const detrended = new Float64Array(n);
  const deseasonalised = new Float64Array(n);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < n; i++) detrended[i] = (x[i] as number) - (trend[i] as number);
    const cycles = smoothCycleSubseries(detrended, period, seasonalLoess);
    const lowPass = loessSmooth(lowPassFilter(cycles, period), lowPassLoess);
    for (let i = 0; i < n; i++) seasonal[i] = (cycles[period + i] as number) - (lowPass[i] as number);
    for (let i = 0; i < n; i++) deseasonalised[i] = (x[i] as number) - (seasonal[i] as number);
    trend = loessSmooth(deseasonalised, trendLoess);
  }

  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = (x[i] as number) - (seasonal[i] as number) - (trend[i] as number);
  return { seasonal, trend, remainder };
}

interface Loess {
  /** Points in each local fit (odd). */
  span: number;
  /** 0: local weighted mean; 1: local weighted line. */
  degree: 0 | 1;
  /** Fit at every jump-th point, interpolate between. */
  jump: number;
}

/**
 * Step 1: each position of the cycle gets its own series (every period-th value), loess-smoothed and extended by one
 * fitted value before its first and after its last point. The result interleaves them back: n + 2·period values,
 * starting one cycle before the series.
 */
function smoothCycleSubseries(y: Float64Array, period: number, loess: Loess): Float64Array {
  const n = y.length;
  const out = new Float64Array(n + 2 * period);
  const weights = new Float64Array(n);
  for (let j = 0; j < period; j++) {
    const k = Math.floor((n - 1 - j) / period) + 1;
    const sub = new Float64Array(k);
    for (let i = 0; i < k; i++) sub[i] = y[i * period + j] as number;
    const smooth = loessSmooth(sub, loess);
    // The extensions reuse the span's neighbourhood at each end; a failed fit (all weights zero) copies its
    // neighbour, as stl.f does.
    const before = loessAt(sub, loess, -1, 0, Math.min(loess.span, k) - 1, weights) ?? (smooth[0] as number);
    const after = loessAt(sub, loess, k, Math.max(0, k - loess.span), k - 1, weights) ?? (smooth[k - 1] as number);
    out[j] = before;
    for (let i = 0; i < k; i++) out[(i + 1) * period + j] = smooth[i] as number;
    out[(k + 1) * period + j] = after;
  }
  return out;
}

/** Step 2's averages: length period, period, 3, taking n + 2·period values down to n. */
function lowPassFilter(c: Float64Array, period: number): Float64Array {
  return movingAverage(movingAverage(movingAverage(c, period), period), 3);
}

/** Running means over each window of `len` values (length − len + 1 of them), one add and one drop a step as stl.f. */
function movingAverage(x: Float64Array, len: number): Float64Array {
  const out = new Float64Array(x.length - len + 1);
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i] as number;
  out[0] = v / len;
  for (let j = 1; j < out.length; j++) {
    v = v - (x[j - 1] as number) + (x[j + len - 1] as number);
    out[j] = v / len;
  }
  return out;
}

/**
 * Loess at every point of y (stl.f's `stless`): fitted exactly at every jump-th point (and the last), by straight lines
 * in between. Each window holds `span` neighbours, slid to stay inside the series; a span longer than the series uses
 * all of it.
 */
function loessSmooth(y: Float64Array, loess: Loess): Float64Array {
  const n = y.length;
  const out = new Float64Array(n);
  if (n < 2) {
    out[0] = y[0] as number;
    return out;
  }
  const weights = new Float64Array(n);
  const step = Math.min(loess.jump, n - 1);
  const half = (loess.span + 1) >> 1;
  let left = 0;
  let right = n - 1;
  const fit = (i: number): void => {
    out[i] = loessAt(y, loess, i, left, right, weights) ?? (y[i] as number);
  };
  if (loess.span >= n) {
    for (let i = 0; i < n; i += step) fit(i);
  } else if (step === 1) {
    right = loess.span - 1;
    for (let i = 0; i < n; i++) {
      if (i + 1 > half && right !== n - 1) {
        left++;
        right++;
      }
      fit(i);
    }
  } else {
    for (let i = 0; i < n; i += step) {
      if (i + 1 < half) {
        left = 0;
        right = loess.span - 1;
      } else if (i >= n - half) {
        left = n - loess.span;
        right = n - 1;
      } else {
        left = i + 1 - half;
        right = i + loess.span - half;
      }
      fit(i);
    }
  }
  if (step === 1) return out;
  for (let i = 0; i < n - step; i += step) {
    const delta = ((out[i + step] as number) - (out[i] as number)) / step;
    for (let j = i + 1; j < i + step; j++) out[j] = (out[i] as number) + delta * (j - i);
  }
  const lastFitted = Math.floor((n - 1) / step) * step;
  if (lastFitted !== n - 1) {
    // The last point, fitted with the window of the last jump (stl.f keeps it), then joined to lastFitted.
    fit(n - 1);
    const delta = ((out[n - 1] as number) - (out[lastFitted] as number)) / (n - 1 - lastFitted);
    for (let j = lastFitted + 1; j < n - 1; j++) out[j] = (out[lastFitted] as number) + delta * (j - lastFitted);
  }
  return out;
}

/**
 * One loess value at position xs (which may lie just outside the data) from y[left..right] (stl.f's `stlest`):
 * tricube weights over the farther edge's distance — widened by ⌊(span − n)/2⌋ when the span exceeds the series —
 * then, for degree 1, the weighted line's value at xs unless the points are too bunched to fit one. Undefined when
 * every weight is zero. `weights` is scratch space as long as y.
 */
function loessAt(
  y: Float64Array,
  loess: Loess,
  xs: number,
  left: number,
  right: number,
  weights: Float64Array,
): number | undefined {
  const n = y.length;
  const range = n - 1;
  let h = Math.max(xs - left, right - xs);
  if (loess.span > n) h += Math.floor((loess.span - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let total = 0;
  for (let j = left; j <= right; j++) {
    const r = Math.abs(j - xs);
    let w = 0;
    if (r <= h9) {
      if (r <= h1) w = 1;
      else {
        const q = r / h;
        const t = 1 - q * q * q;
        w = t * t * t;
      }
    }
    weights[j] = w;
    total += w;
  }
  if (total <= 0) return undefined;
  for (let j = left; j <= right; j++) weights[j] = (weights[j] as number) / total;
  if (h > 0 && loess.degree > 0) {
    let centre = 0;
    for (let j = left; j <= right; j++) centre += (weights[j] as number) * j;
    let spread = 0;
    for (let j = left; j <= right; j++) spread += (weights[j] as number) * (j - centre) ** 2;
    if (Math.sqrt(spread) > 0.001 * range) {
      const slope = (xs - centre) / spread;
      for (let j = left; j <= right; j++) weights[j] = (weights[j] as number) * (slope * (j - centre) + 1);
    }
  }
  let value = 0;
  for (let j = left; j <= right; j++) value += (weights[j] as number) * (y[j] as number);
  return value;
}
