/**
 * Automatic seasonal ARIMA, as R's `forecast::auto.arima(y)` (stepwise, forecast 8.20) then `forecast(fit, h, level =
 * 80)`: p50 is the point forecast, p10/p90 the 80 % bounds from the state-space forecast variance (the ψ-weights'
 * Σψ²σ²).
 *
 *   1. D: seasonal differencing when the seasonal strength 1 − Var(R)/Var(S + R) exceeds 0.64 (R's `nsdiffs`, test
 *      'seas'), with S and R from STL as `mstl` makes them (`stl.ts`, s.window 11): a seasonal pattern that may change
 *      over time, so a growing seasonal swing (forecast::gas) still counts as strongly seasonal.
 *   2. d: KPSS level tests at 5 % on the seasonally differenced series, up to d = 2 (R's `ndiffs`).
 *   3. Stepwise search over (p,q)(P,Q) and the constant exactly in auto.arima's order, scored by AICc. As in R,
 *      series longer than 150 or with m > 12 score candidates by conditional sum of squares with auto.arima's AIC
 *      offset (its `approximation`) and refit the best by exact maximum likelihood until one passes (roots ≥ 1.01,
 *      a usable Hessian); shorter ones fit every candidate by CSS-ML.
 *   4. A drift (d + D = 1) or a mean (d + D = 0) is tried as auto.arima does; d + D ≥ 2 has neither.
 *   5. Anything that cannot be fitted falls back to ARIMA(0,d,0)(0,D,0), then to the naive forecast: never NaN.
 *
 * Why not the npm package `arima` (ctsa compiled to WASM, tried on this machine): it loads (inline base64 wasm, sync
 * compile; Node and a worker would both work) and fits a fixed SARIMA in ~10–90 ms, but it exposes neither the
 * log-likelihood nor the coefficients, so no AICc search can be run over it, its estimates are not R's, and its own
 * automatic search took 26 s on the monthly retail file. The state-space port in `arima-fit.ts` reproduces R's
 * `Arima()` coefficients and log-likelihoods to 4+ digits.
 *
 * Bounds that keep it inside a worker's budget (every series × every backtest window), where R's defaults differ:
 *   - at most 30 models per search (R: 94; the golden cases need 10–25), and at most 5 exact refits;
 *   - m > 12 (weekly): seasonal differencing only, no seasonal AR/MA terms (their state has ≥ 52 dimensions);
 *   - only the most recent 730 observations are used (two years of daily data).
 */
import { finiteOrNull } from '../../core/finite';
import type { FittedParams, SeriesForecast, SeriesModelOptions } from '../types';
import { Z80, arimaAicc, fitArima, forecastArimaFit, type ArimaFit } from './arima-fit';
import { ArimaFitError, type ArimaOrder } from './arima-parameters';
// One `is.constant` for both ports, as R's forecast package has one.
import { isConstantSeries } from './ets';
import { stl } from './stl';

const MAX_MODELS = 30;
const MAX_POINTS = 730;
const REFITS = 5;

function difference(x: Float64Array, lag: number): Float64Array {
  const out = new Float64Array(Math.max(0, x.length - lag));
  for (let i = 0; i < out.length; i++) out[i] = (x[i + lag] as number) - (x[i] as number);
  return out;
}

/** KPSS level statistic with Bartlett weights and lag ⌊3√n / 13⌋ (urca's `ur.kpss`, as `ndiffs` calls it). */
export function kpssStatistic(x: Float64Array): number {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v / n;
  const e = x.map((v) => v - mean);
  let s = 0;
  let eta = 0;
  let s2 = 0;
  for (const v of e) {
    s += v;
    eta += s * s;
    s2 += v * v;
  }
  eta /= n * n;
  s2 /= n;
  const lags = Math.trunc((3 * Math.sqrt(n)) / 13);
  for (let k = 1; k <= lags; k++) {
    let cov = 0;
    for (let t = k; t < n; t++) cov += (e[t] as number) * (e[t - k] as number);
    s2 += (2 / n) * (1 - k / (lags + 1)) * cov;
  }
  return eta / s2;
}

/** `ndiffs`: difference while the KPSS statistic rejects level stationarity at 5 % (critical value 0.463). */
function chooseD(x: Float64Array, maxD = 2): number {
  let d = 0;
  let w = x;
  if (isConstantSeries(w)) return 0;
  let reject = kpssStatistic(w) > 0.463;
  while (reject && d < maxD) {
    d++;
    w = difference(w, 1);
    if (isConstantSeries(w)) return d;
    reject = w.length > 1 && kpssStatistic(w) > 0.463;
  }
  return d;
}

/**
 * Strength of seasonality max(0, min(1, 1 − Var(R)/Var(S + R))), as `forecast:::seas.heuristic` computes it from
 * `mstl(x)`: for one seasonal period that is `stl(x, s.window = 11)` (mstl's first window, one pass, no Box-Cox), and
 * R is that decomposition's remainder (see the header, step 1). Where R's `stl` would stop (m < 2, or no more than
 * two periods) or Var(S + R) is 0, this gives 0, the D that `nsdiffs` falls back to. x is expected to be finite, as
 * `forecastArima` leaves it (mstl would fill gaps with `na.interp`); a non-finite value gives NaN, so no differencing.
 */
export function seasonalStrength(x: Float64Array, m: number): number {
  if (!Number.isInteger(m) || m < 2 || x.length <= 2 * m) return 0;
  const { seasonal, remainder } = stl(x, { period: m, sWindow: 11 });
  const vs = sampleVariance(remainder.map((r, i) => r + (seasonal[i] as number)));
  if (vs === 0) return 0;
  return Math.max(0, Math.min(1, 1 - sampleVariance(remainder) / vs));
}

/** R's `var`: two-pass, denominator n − 1. */
function sampleVariance(v: Float64Array): number {
  let mu = 0;
  for (const a of v) mu += a;
  mu /= v.length;
  let ss = 0;
  for (const a of v) ss += (a - mu) ** 2;
  return ss / (v.length - 1);
}

/** `nsdiffs` (test 'seas', max.D = 1): one seasonal difference when the seasonal strength exceeds 0.64. */
function chooseSeasonalD(x: Float64Array, m: number): number {
  if (m <= 1 || x.length <= 2 * m || isConstantSeries(x)) return 0;
  return seasonalStrength(x, m) > 0.64 ? 1 : 0;
}

/** The model's name as `forecast`'s `arima.string` prints it. */
export function arimaForm(order: ArimaOrder, regressor: ArimaFit['regressor']): string {
  let s = `ARIMA(${order.p},${order.d},${order.q})`;
  if (order.period > 1 && order.P + order.D + order.Q > 0) s += `(${order.P},${order.D},${order.Q})[${order.period}]`;
  if (regressor === 'drift') return `${s} with drift`;
  if (regressor === 'intercept') return `${s} with non-zero mean`;
  if (order.d === 0 && order.D === 0) return `${s} with zero mean`;
  return s;
}

interface Candidate {
  p: number;
  q: number;
  P: number;
  Q: number;
  constant: boolean;
  ic: number;
}

interface SearchSetup {
  y: Float64Array;
  m: number;
  d: number;
  D: number;
  maxP: number;
  maxQ: number;
  maxSP: number;
  maxSQ: number;
  approximate: boolean;
  offset: number;
}

/** One candidate's information criterion, Inf where R's `myarima` would give Inf (failed fit, roots, Hessian). */
function score(setup: SearchSetup, c: Omit<Candidate, 'ic'>): { ic: number; fit?: ArimaFit } {
  const order: ArimaOrder = { p: c.p, d: setup.d, q: c.q, P: c.P, D: setup.D, Q: c.Q, period: setup.m };
  try {
    const fit = fitArima(setup.y, { order, constant: c.constant, method: setup.approximate ? 'CSS' : 'CSS-ML' });
    const ic = arimaAicc(fit, setup.offset);
    if (!Number.isFinite(ic) || fit.minRoot < 1.01 || !fit.hessianOk) return { ic: Infinity };
    return { ic, fit };
  } catch (error) {
    if (error instanceof ArimaFitError) return { ic: Infinity };
    throw error;
  }
}

/** auto.arima's stepwise walk (its neighbours, in its order, restarting after each improvement). */
function stepwise(setup: SearchSetup, constant0: boolean, allowConstant: boolean): Candidate[] {
  const results: Candidate[] = [];
  const seen = (c: Omit<Candidate, 'ic'>): boolean =>
    results.some((r) => r.p === c.p && r.q === c.q && r.P === c.P && r.Q === c.Q && r.constant === c.constant);
  let best = Infinity;
  const tryModel = (c: Omit<Candidate, 'ic'>): boolean => {
    const { ic } = score(setup, c);
    results.push({ ...c, ic });
    if (ic < best) {
      best = ic;
      return true;
    }
    return false;
  };
  const small = setup.y.length < 10;
  let p = Math.min(small ? 1 : 2, setup.maxP);
  let q = Math.min(small ? 1 : 2, setup.maxQ);
  let P = Math.min(small ? 0 : 1, setup.maxSP);
  let Q = Math.min(small ? 0 : 1, setup.maxSQ);
  let constant = constant0;
  const seasonal = setup.m > 1;
  tryModel({ p, q, P, Q, constant });
  if (tryModel({ p: 0, q: 0, P: 0, Q: 0, constant })) p = q = P = Q = 0;
  if (setup.maxP > 0 || setup.maxSP > 0) {
    const c = { p: setup.maxP > 0 ? 1 : 0, q: 0, P: seasonal && setup.maxSP > 0 ? 1 : 0, Q: 0, constant };
    if (tryModel(c)) ({ p, q, P, Q } = c);
  }
  if (setup.maxQ > 0 || setup.maxSQ > 0) {
    const c = { p: 0, q: setup.maxQ > 0 ? 1 : 0, P: 0, Q: seasonal && setup.maxSQ > 0 ? 1 : 0, constant };
    if (tryModel(c)) ({ p, q, P, Q } = c);
  }
  if (constant) {
    if (tryModel({ p: 0, q: 0, P: 0, Q: 0, constant: false })) p = q = P = Q = 0;
  }
  const moves: [number, number, number, number][] = [
    [0, 0, -1, 0], [0, 0, 0, -1], [0, 0, 1, 0], [0, 0, 0, 1],
    [0, 0, -1, -1], [0, 0, -1, 1], [0, 0, 1, -1], [0, 0, 1, 1],
    [-1, 0, 0, 0], [0, -1, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0],
    [-1, -1, 0, 0], [-1, 1, 0, 0], [1, -1, 0, 0], [1, 1, 0, 0],
  ];
  let startk = -1;
  while (startk < results.length && results.length < MAX_MODELS) {
    startk = results.length;
    let improved = false;
    for (const [dp, dq, dP, dQ] of moves) {
      const c = { p: p + dp, q: q + dq, P: P + dP, Q: Q + dQ, constant };
      if (c.p < 0 || c.q < 0 || c.P < 0 || c.Q < 0) continue;
      if (c.p > setup.maxP || c.q > setup.maxQ || c.P > setup.maxSP || c.Q > setup.maxSQ) continue;
      if (seen(c) || results.length >= MAX_MODELS) continue;
      if (tryModel(c)) {
        ({ p, q, P, Q } = c);
        improved = true;
        break;
      }
    }
    if (improved) continue;
    if (allowConstant && results.length < MAX_MODELS) {
      const c = { p, q, P, Q, constant: !constant };
      if (!seen(c) && tryModel(c)) constant = !constant;
    }
  }
  return results;
}

function naiveForecast(y: Float64Array, horizon: number, form: string): SeriesForecast {
  const n = y.length;
  const last = n > 0 ? (y[n - 1] as number) : 0;
  let ss = 0;
  for (let i = 1; i < n; i++) ss += ((y[i] as number) - (y[i - 1] as number)) ** 2;
  const sigma = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const p50 = new Float64Array(horizon).fill(Number.isFinite(last) ? last : 0);
  const p10 = p50.map((v, h) => v - Z80 * sigma * Math.sqrt(h + 1));
  const p90 = p50.map((v, h) => v + Z80 * sigma * Math.sqrt(h + 1));
  return { p50, p10, p90, form, params: { fallback: 'naive', last: p50[0] ?? 0, sd: sigma } };
}

/**
 * A fit under R's names: `arima.string`'s orders, `coef(fit)` (ar1 … ma1 … sar1 … sma1 … intercept or drift),
 * `sigma2`, `loglik`, `aicc` and `nobs` as an `Arima` object holds them.
 */
export function arimaParams(fit: ArimaFit): FittedParams {
  const { order } = fit;
  return {
    order: [order.p, order.d, order.q],
    seasonal: [order.P, order.D, order.Q],
    period: order.period,
    coef: Object.fromEntries(fit.coefNames.map((name, i) => [name, fit.coef[i] as number])),
    sigma2: fit.sigma2,
    loglik: finiteOrNull(fit.loglik),
    aicc: finiteOrNull(arimaAicc(fit)),
    nobs: fit.nStar,
  };
}

function finite(f: SeriesForecast): boolean {
  return [f.p50, f.p10, f.p90].every((a) => a.every(Number.isFinite));
}

function fromFit(fit: ArimaFit, horizon: number): SeriesForecast {
  const { mean, lower, upper } = forecastArimaFit(fit, horizon);
  return { p50: mean, p10: lower, p90: upper, form: arimaForm(fit.order, fit.regressor), params: arimaParams(fit) };
}

function tryExact(y: Float64Array, order: ArimaOrder, constant: boolean): ArimaFit | undefined {
  try {
    const fit = fitArima(y, { order, constant, method: 'CSS-ML' });
    const ic = arimaAicc(fit);
    return Number.isFinite(ic) && fit.minRoot >= 1.01 && fit.hessianOk ? fit : undefined;
  } catch (error) {
    if (error instanceof ArimaFitError) return undefined;
    throw error;
  }
}

/**
 * The automatic ARIMA forecast of one series (see the header). Missing values are not expected here (the caller's
 * history is complete); non-finite values are carried forward from the last finite one.
 */
export function forecastArima(series: Float64Array, options: SeriesModelOptions): SeriesForecast {
  const horizon = options.horizon;
  const clean = Float64Array.from(series);
  for (let i = 0; i < clean.length; i++) if (!Number.isFinite(clean[i] as number)) clean[i] = i > 0 ? (clean[i - 1] as number) : 0;
  const y = clean.length > MAX_POINTS ? clean.slice(clean.length - MAX_POINTS) : clean;
  const n = y.length;
  if (n === 0) return naiveForecast(y, horizon, 'Naive');
  if (isConstantSeries(y)) {
    const flat = new Float64Array(horizon).fill(y[0] as number);
    // auto.arima's own answer for a constant series: Arima(x, order = c(0, 0, 0), fixed = mean(x)).
    const params = { order: [0, 0, 0], seasonal: [0, 0, 0], period: Math.max(1, Math.round(options.season)), coef: { intercept: y[0] as number }, sigma2: 0, nobs: n };
    return { p50: flat, p10: Float64Array.from(flat), p90: Float64Array.from(flat), form: 'ARIMA(0,0,0) with non-zero mean', params };
  }
  if (n < 3) return naiveForecast(y, horizon, 'Naive');
  const m = options.season > 1 ? Math.round(options.season) : 1;
  try {
    const result = automatic(y, m, horizon);
    if (result && finite(result)) return result;
  } catch (error) {
    if (!(error instanceof ArimaFitError)) throw error;
  }
  return naiveForecast(y, horizon, 'Naive');
}

function automatic(y: Float64Array, m: number, horizon: number): SeriesForecast | undefined {
  const n = y.length;
  const D = chooseSeasonalD(y, m);
  const dx = D > 0 ? difference(y, m) : y;
  let d = chooseD(dx);
  if (n - d - D * m < 3) d = 0;
  let w = dx;
  for (let i = 0; i < d; i++) w = difference(w, 1);
  const seasonalTerms = m > 1 && m <= 12;
  const maxSP = seasonalTerms ? Math.min(2, Math.floor(n / 3 / m)) : 0;
  const maxSQ = seasonalTerms ? Math.min(2, Math.floor(n / 3 / m)) : 0;
  let maxP = Math.min(5, Math.floor(n / 3));
  let maxQ = Math.min(5, Math.floor(n / 3));
  if (m > 1 && maxSP > 0) maxP = Math.min(maxP, m - 1);
  if (m > 1 && maxSQ > 0) maxQ = Math.min(maxQ, m - 1);
  const order0: ArimaOrder = { p: 0, d, q: 0, P: 0, D, Q: 0, period: m };
  const allowConstant = d + D <= 1;
  if (isConstantSeries(w) || w.length < 3) {
    const fit = tryExact(y, order0, allowConstant);
    return fit ? fromFit(fit, horizon) : undefined;
  }
  const approximate = n > 150 || m > 12;
  let offset = 0;
  if (approximate) {
    // auto.arima's offset: −2 logL − n log σ² of ARIMA(0,d,0)(0,D,0) without constant, so CSS scores sit on the
    // exact likelihood's scale.
    try {
      const base = fitArima(y, { order: order0, constant: d + D === 0, method: 'CSS-ML' });
      if (Number.isFinite(base.loglik)) offset = -2 * base.loglik - n * Math.log(base.sigma2Ml);
    } catch (error) {
      if (!(error instanceof ArimaFitError)) throw error;
    }
  }
  const setup: SearchSetup = { y, m, d, D, maxP, maxQ, maxSP, maxSQ, approximate, offset };
  const results = stepwise(setup, allowConstant, allowConstant).sort((a, b) => a.ic - b.ic);
  let chosen: ArimaFit | undefined;
  for (const c of results.slice(0, approximate ? REFITS : 1)) {
    if (!Number.isFinite(c.ic)) break;
    const order: ArimaOrder = { p: c.p, d, q: c.q, P: c.P, D, Q: c.Q, period: m };
    chosen = tryExact(y, order, c.constant);
    if (chosen) break;
  }
  chosen ??= tryExact(y, order0, allowConstant) ?? tryExact(y, order0, false);
  return chosen ? fromFit(chosen, horizon) : undefined;
}
