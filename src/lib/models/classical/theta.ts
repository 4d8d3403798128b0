/**
 * The Theta method per series, as R's `forecast::thetaf(y, h, level = 80)` computes it (forecast 8.20; Hyndman &
 * Billah 2003 showed it equals simple exponential smoothing with drift):
 *
 *   1. seasonality test: with m > 1 and more than two seasons, seasonal when the lag-m autocorrelation exceeds its 90 %
 *      two-sided bound, |r_m| > 1.645·√((1 + 2 Σ_{k<m} r_k²)/n);
 *   2. if seasonal, divide by the multiplicative classical decomposition's indices (unless one is near zero);
 *   3. SES fitted as `ses` does (ETS(A,N,N), Nelder–Mead on the one-step MSE), giving the level ℓ and α;
 *   4. drift b = half the slope of a straight line through the adjusted series; the forecast h steps ahead is
 *      ℓ + b·(h − 1 + (1 − (1 − α)ⁿ)/α), times the last season's indices;
 *   5. the 80 % interval ±1.2816·σ·√(1 + (h − 1)α²), σ² from the SES fit (on the adjusted scale, as thetaf does).
 */
import type { SeriesForecast, SeriesModelOptions } from '../types';
import { classicalSeasonal, fitEtsForm, fitLine } from './ets-fit';
import { isConstantSeries, naiveSeriesForecast, Z80 } from './ets';

/** qnorm(0.95): thetaf's one-sided 5 % point for the seasonality test. */
const Z95 = 1.6448536269514722;

/** Autocorrelations r_1 … r_maxLag of a series about its mean, as R's `acf`. */
export function autocorrelations(y: Float64Array, maxLag: number): Float64Array {
  const n = y.length;
  let mean = 0;
  for (const v of y) mean += v / n;
  let c0 = 0;
  for (const v of y) c0 += (v - mean) ** 2;
  const r = new Float64Array(maxLag);
  for (let k = 1; k <= maxLag; k++) {
    let ck = 0;
    for (let t = 0; t + k < n; t++) ck += ((y[t] as number) - mean) * ((y[t + k] as number) - mean);
    r[k - 1] = c0 === 0 ? 0 : ck / c0;
  }
  return r;
}

function isSeasonal(y: Float64Array, m: number): boolean {
  const n = y.length;
  if (!Number.isInteger(m) || m <= 1 || n <= 2 * m || isConstantSeries(y)) return false;
  const r = autocorrelations(y, m);
  let sum = 0;
  for (let k = 0; k < m - 1; k++) sum += (r[k] as number) ** 2;
  const stat = Math.sqrt((1 + 2 * sum) / n);
  return Math.abs(r[m - 1] as number) / stat > Z95;
}

export function forecastTheta(y: Float64Array, options: SeriesModelOptions): SeriesForecast {
  const { horizon, season: m } = options;
  const n = y.length;
  if (n === 0 || isConstantSeries(y)) return naiveSeriesForecast(y, horizon, 'Theta');

  let indices: Float64Array | undefined;
  if (isSeasonal(y, m)) {
    const seasonal = classicalSeasonal(y, m, 'multiplicative');
    // thetaf falls back to the non-seasonal method when an index is near zero; a zero trend (NaN index) likewise.
    if (seasonal.every((s) => Number.isFinite(s) && Math.abs(s) >= 1e-4)) indices = seasonal;
  }
  const x = indices ? y.map((v, i) => v / (indices[i] as number)) : y;
  const ses = fitEtsForm(x, { error: 'A', trend: 'N', damped: false, season: 'N', period: 1 }, { criterion: 'mse' });
  if (!ses) return naiveSeriesForecast(y, horizon, 'Theta');

  const level = ses.finalState[0] as number;
  const alpha = Math.max(1e-10, ses.alpha);
  const drift = fitLine(Float64Array.from({ length: n }, (_, i) => i), x).slope / 2;
  const offset = (1 - (1 - alpha) ** n) / alpha;
  const sigma = Math.sqrt(ses.sigma2);
  const p50 = new Float64Array(horizon);
  const p10 = new Float64Array(horizon);
  const p90 = new Float64Array(horizon);
  for (let i = 0; i < horizon; i++) {
    // The last season's indices, repeated: step i uses the index of period n − m + (i mod m).
    const index = indices ? (indices[n - m + (i % m)] as number) : 1;
    const mean = (level + drift * (i + offset)) * index;
    const half = Z80 * sigma * Math.sqrt(i * alpha * alpha + 1);
    p50[i] = mean;
    p10[i] = mean - half;
    p90[i] = mean + half;
  }
  const finite = [p50, p10, p90].every((a) => a.every(Number.isFinite));
  if (!finite) return naiveSeriesForecast(y, horizon, 'Theta');
  // thetaf's model keeps alpha, drift and the SES fit (whose last level the forecast starts from); the seasonal
  // indices it divides by are not kept in R, so they are written out here, in the order the forecast steps use them.
  const seasonal = indices ? { m, indices: Array.from(indices.subarray(n - m)) } : null;
  return { p50, p10, p90, form: 'Theta', params: { alpha, drift, level, sigma2: ses.sigma2, seasonal, nobs: n } };
}
