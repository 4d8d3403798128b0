/**
 * Automatic exponential smoothing per series: R's `forecast::ets(y)` then `forecast(fit, h, level = 80)` (forecast 8.20).
 *
 *   1. the candidate forms `ets` tries by default: error A/M × trend N/A/Ad × season N/A/M, without the combinations
 *      `restrict = TRUE` forbids (additive error with multiplicative season), without multiplicative trend
 *      (`allow.multiplicative.trend = FALSE`), multiplicative error only when every value is > 0, a season only when
 *      1 < m ≤ 24 and there are more than m observations (R ignores seasonality for weekly m = 52);
 *   2. each form fitted by maximum likelihood (ets-fit.ts), the one with the least AICc kept;
 *   3. the forecast mean and variance by R's formulas: `class1` (additive error, linear: Hyndman et al. 2008, ch. 6),
 *      `class2` (multiplicative error, linear mean) and `class3` (multiplicative error and season); the 80 % interval is
 *      mean ± 1.2816·sd, as `forecast.ets` builds it. Multiplicative trends, whose intervals R simulates, are not tried.
 *
 * Where R itself gives up, this returns something usable instead: a constant series forecasts its value (R: `ses` with
 * α ≈ 1); 4 points fit ETS(A,N,N) though its AICc is infinite; fewer, where no form has enough data, forecast the last
 * value ('Naive'). From 5 to 6 points this fits ETS forms where R switches to `HoltWinters`-style least squares.
 */
import { finiteOrNull } from '../../core/finite';
import type { FittedParams, SeriesForecast, SeriesModelOptions } from '../types';
import {
  etsFormName,
  fitEtsForm,
  type EtsFit,
  type EtsForm,
  type EtsSeasonType,
  type EtsTrendType,
} from './ets-fit';

/** qnorm(0.9): the half-width of an 80 % normal interval in standard deviations. */
export const Z80 = 1.2815515655446004;

/** Largest season R's `ets` models (its state arrays hold 24 seasonal indices). */
const MAX_ETS_SEASON = 24;

/**
 * Long histories are fitted on their most recent points only. R's full search (2000 evaluations × 15 forms) takes
 * ~300 ms on 1,800 days on a 2-core machine; capping the evaluations instead is worse: at 1000 the seasonal forms of
 * R's own example series end up to 22 AICc units short of R's optimum, and the choice changes. 400 points keep 57
 * weeks of a daily series (and 33 years of a monthly one) and the daily choice near 110 ms; on store1_item1's last
 * 730 days this forecast is within 2.3 % WAPE of R's fit on all of them.
 */
export const ETS_MAX_FIT_POINTS = 400;

export interface EtsProjection {
  mean: Float64Array;
  variance: Float64Array;
}

/**
 * Forecast mean and variance of a fitted model h steps past its last state, by the formulas R's `forecast.ets` picks
 * for the form (`class1`, `class2`, `class3`).
 */
export function projectEts(
  fit: Pick<EtsFit, 'form' | 'alpha' | 'beta' | 'gamma' | 'phi' | 'finalState' | 'sigma2'>,
  horizon: number,
): EtsProjection {
  if (fit.form.error === 'M' && fit.form.season === 'M') return projectMultiplicativeSeason(fit, horizon);
  const linear = projectLinear(fit, horizon);
  if (fit.form.error === 'A') return { mean: linear.mean, variance: linear.variance };
  // class2: the mean is the linear one; θ_j recursion of Hyndman et al. (2008, §6.4) for the variance.
  const { mean, c } = linear;
  const s2 = fit.sigma2;
  const theta = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  for (let j = 0; j < horizon; j++) {
    let acc = (mean[j] as number) ** 2;
    for (let i = 0; i < j; i++) acc += s2 * (c[i] as number) ** 2 * (theta[j - 1 - i] as number);
    theta[j] = acc;
    variance[j] = (1 + s2) * acc - (mean[j] as number) ** 2;
  }
  return { mean, variance };
}

/** R's `class1`: μ_h = H Fʰ⁻¹ x, c_j = H Fʲ⁻¹ G, var_h = σ² (1 + Σ_{j<h} c_j²). */
function projectLinear(
  fit: Pick<EtsFit, 'form' | 'alpha' | 'beta' | 'gamma' | 'phi' | 'finalState' | 'sigma2'>,
  horizon: number,
): EtsProjection & { c: Float64Array } {
  const { form, finalState: x } = fit;
  const p = x.length;
  const m = form.season === 'N' ? 1 : form.period;
  const trendCoef = form.trend === 'N' ? 0 : form.damped ? fit.phi : 1;
  const H = new Float64Array(p);
  H[0] = 1;
  if (form.season !== 'N') H[p - 1] = 1;
  if (form.trend !== 'N') H[1] = trendCoef;
  const F = Array.from({ length: p }, () => new Float64Array(p));
  F[0]![0] = 1;
  if (form.trend !== 'N') {
    F[0]![1] = trendCoef;
    F[1]![1] = trendCoef;
  }
  if (form.season !== 'N') {
    F[p - m]![p - 1] = 1;
    for (let k = 0; k < m - 1; k++) F[p - m + 1 + k]![p - m + k] = 1;
  }
  const G = new Float64Array(p);
  G[0] = fit.alpha;
  if (form.trend !== 'N') G[1] = fit.beta;
  // R's class1 writes γ into the third state whatever the trend (G[3, 1]); kept so the intervals match R's.
  if (form.season !== 'N') G[2] = fit.gamma;

  const mean = new Float64Array(horizon);
  const c = new Float64Array(Math.max(horizon - 1, 0));
  let row = Float64Array.from(H);
  let next = new Float64Array(p);
  for (let i = 0; i < horizon; i++) {
    mean[i] = dot(row, x);
    if (i === horizon - 1) break;
    c[i] = dot(row, G);
    next.fill(0);
    for (let j = 0; j < p; j++) {
      const rj = row[j] as number;
      if (rj === 0) continue;
      const Fj = F[j] as Float64Array;
      for (let k = 0; k < p; k++) next[k] = (next[k] as number) + rj * (Fj[k] as number);
    }
    [row, next] = [next, row];
  }
  const variance = new Float64Array(horizon);
  let cumulative = 0;
  for (let i = 0; i < horizon; i++) {
    variance[i] = fit.sigma2 * (1 + cumulative);
    if (i < horizon - 1) cumulative += (c[i] as number) ** 2;
  }
  return { mean, variance, c };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** A small dense row-major matrix, enough for class3's Kronecker algebra. */
interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

function matrix(rows: number, cols: number, values?: (i: number, j: number) => number): Matrix {
  const data = new Float64Array(rows * cols);
  if (values) for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = values(i, j);
  return { rows, cols, data };
}
const get = (a: Matrix, i: number, j: number): number => a.data[i * a.cols + j] as number;
const transpose = (a: Matrix): Matrix => matrix(a.cols, a.rows, (i, j) => get(a, j, i));
const kron = (a: Matrix, b: Matrix): Matrix =>
  matrix(a.rows * b.rows, a.cols * b.cols, (i, j) =>
    get(a, Math.floor(i / b.rows), Math.floor(j / b.cols)) * get(b, i % b.rows, j % b.cols),
  );
function combine(a: Matrix, b: Matrix, wa: number, wb: number): Matrix {
  const out = matrix(a.rows, a.cols);
  for (let k = 0; k < out.data.length; k++) out.data[k] = wa * (a.data[k] as number) + wb * (b.data[k] as number);
  return out;
}
function multiply(...factors: Matrix[]): Matrix {
  let acc = factors[0] as Matrix;
  for (let f = 1; f < factors.length; f++) {
    const b = factors[f] as Matrix;
    const out = matrix(acc.rows, b.cols);
    for (let i = 0; i < acc.rows; i++) {
      for (let k = 0; k < acc.cols; k++) {
        const aik = get(acc, i, k);
        if (aik === 0) continue;
        for (let j = 0; j < b.cols; j++) out.data[i * b.cols + j] = (out.data[i * b.cols + j] as number) + aik * get(b, k, j);
      }
    }
    acc = out;
  }
  return acc;
}

/**
 * R's `class3` (multiplicative error and season; Hyndman et al. 2008, §6.5): the level-trend and seasonal blocks'
 * product moments propagated with Kronecker products. Its mean includes the σ² correction, so it sits slightly above
 * the point recursion, as R's does.
 */
function projectMultiplicativeSeason(
  fit: Pick<EtsFit, 'form' | 'alpha' | 'beta' | 'gamma' | 'phi' | 'finalState' | 'sigma2'>,
  horizon: number,
): EtsProjection {
  const { form, finalState: x, sigma2: s2 } = fit;
  const m = form.period;
  const p = x.length;
  const k = p - m;
  const trended = form.trend !== 'N';
  const H1 = matrix(1, k, () => 1);
  const H2 = matrix(1, m, (_, j) => (j === m - 1 ? 1 : 0));
  // R's F1 keeps 1 (not φ) in the level row for damped trends; kept to match its intervals.
  const F1 = trended ? matrix(2, 2, (i, j) => (i === 0 ? 1 : j === 0 ? 0 : form.damped ? fit.phi : 1)) : matrix(1, 1, () => 1);
  const G1 = trended ? matrix(2, 2, (i) => (i === 0 ? fit.alpha : fit.beta)) : matrix(1, 1, () => fit.alpha);
  const F2 = matrix(m, m, (i, j) => (i === 0 ? (j === m - 1 ? 1 : 0) : j === i - 1 ? 1 : 0));
  const G2 = matrix(m, m, (i, j) => (i === 0 && j === m - 1 ? fit.gamma : 0));
  let Mh = matrix(k, m, (i, j) => (x[i] as number) * (x[k + j] as number));
  const q = k * m;
  let Vh = matrix(q, q);
  const H21 = kron(H2, H1);
  const F21 = kron(F2, F1);
  const G21 = kron(G2, G1);
  const K = combine(kron(G2, F1), kron(F2, G1), 1, 1);
  const [H21t, F21t, G21t, Kt, F2t, G2t, H2t] = [H21, F21, G21, K, F2, G2, H2].map(transpose) as Matrix[];
  const mean = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  for (let i = 0; i < horizon; i++) {
    const mu = get(multiply(H1, Mh, H2t!), 0, 0);
    mean[i] = mu;
    variance[i] = (1 + s2) * get(multiply(H21, Vh, H21t!), 0, 0) + s2 * mu * mu;
    if (i === horizon - 1) break;
    const vec = matrix(q, 1, (r) => get(Mh, r % k, Math.floor(r / k)));
    const outer = multiply(vec, transpose(vec));
    const inner = combine(
      combine(multiply(F21, Vh, G21t!), multiply(G21, Vh, F21t!), 1, 1),
      combine(
        multiply(K, combine(Vh, outer, 1, 1), Kt!),
        multiply(G21, combine(Vh, outer, 3, 2), G21t!),
        1,
        s2,
      ),
      1,
      1,
    );
    Vh = combine(multiply(F21, Vh, F21t!), inner, 1, s2);
    Mh = combine(multiply(F1, Mh, F2t!), multiply(G1, Mh, G2t!), 1, s2);
  }
  return { mean, variance };
}

/** The forms R's `ets(y)` tries, in its loop order (ties keep the first). */
export function etsCandidateForms(y: Float64Array, season: number): EtsForm[] {
  const positive = y.every((v) => v > 0);
  const seasonal = Number.isInteger(season) && season > 1 && season <= MAX_ETS_SEASON && y.length > season;
  const forms: EtsForm[] = [];
  for (const error of ['A', 'M'] as const) {
    if (error === 'M' && !positive) continue;
    for (const trend of ['N', 'A'] as EtsTrendType[]) {
      for (const seasonType of (seasonal ? ['N', 'A', 'M'] : ['N']) as EtsSeasonType[]) {
        if (error === 'A' && seasonType === 'M') continue;
        for (const damped of [true, false]) {
          if (trend === 'N' && damped) continue;
          forms.push({ error, trend, damped, season: seasonType, period: seasonType === 'N' ? 1 : season });
        }
      }
    }
  }
  return forms;
}

const SIMPLE_EXPONENTIAL_SMOOTHING: EtsForm = { error: 'A', trend: 'N', damped: false, season: 'N', period: 1 };

/** R's `is.constant`: all.equal to the first value (mean absolute difference, relative to the mean |y|, < 1.5e-8). */
export function isConstantSeries(y: Float64Array): boolean {
  const first = y[0] as number;
  let diff = 0;
  let scale = 0;
  for (const v of y) {
    diff += Math.abs(v - first);
    scale += Math.abs(v);
  }
  return scale > 0 ? diff / scale < 1.5e-8 : diff < 1.5e-8;
}

/** Last value repeated; the interval from the spread of first differences, widening with √h. */
export function naiveSeriesForecast(y: Float64Array, horizon: number, form: string): SeriesForecast {
  const last = y.length > 0 ? (y[y.length - 1] as number) : 0;
  let ss = 0;
  for (let i = 1; i < y.length; i++) ss += ((y[i] as number) - (y[i - 1] as number)) ** 2;
  const sd = y.length > 1 ? Math.sqrt(ss / (y.length - 1)) : 0;
  const p50 = new Float64Array(horizon).fill(last);
  const p10 = p50.map((v, i) => v - Z80 * sd * Math.sqrt(i + 1));
  const p90 = p50.map((v, i) => v + Z80 * sd * Math.sqrt(i + 1));
  return { p50, p10, p90, form, params: { fallback: 'naive', last, sd } };
}

/**
 * A fit's parameters under R's names: `fit$par`'s smoothing parameters (only those the form has), `fit$initstate`
 * and the state after the last observation (`fit$states[n + 1, ]`, what the forecast starts from), each named as
 * R's `states` columns (l, b, s1 … sm; s1 the newest seasonal index, sm the one the next period uses).
 */
export function etsParams(fit: EtsFit, nobs: number): FittedParams {
  const { form } = fit;
  const names = ['l', ...(form.trend === 'N' ? [] : ['b']), ...(form.season === 'N' ? [] : Array.from({ length: form.period }, (_, j) => `s${j + 1}`))];
  const named = (state: Float64Array): FittedParams => Object.fromEntries(names.map((name, j) => [name, state[j] as number]));
  return {
    alpha: fit.alpha,
    ...(form.trend === 'N' ? {} : { beta: fit.beta }),
    ...(form.season === 'N' ? {} : { gamma: fit.gamma }),
    ...(form.damped ? { phi: fit.phi } : {}),
    initstate: named(fit.initialState),
    laststate: named(fit.finalState),
    sigma2: fit.sigma2,
    loglik: -fit.lik / 2,
    aicc: finiteOrNull(fit.aicc),
    ...(form.season === 'N' ? {} : { m: form.period }),
    nobs,
  };
}

/** The least-AICc form among R's candidates, fitted; undefined when none can be fitted. */
export function chooseEtsModel(y: Float64Array, season: number): EtsFit | undefined {
  let best: EtsFit | undefined;
  for (const form of etsCandidateForms(y, season)) {
    const fit = fitEtsForm(y, form);
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return best;
}

/** Forecast and 80 % interval of a fitted model; undefined if the projection is not finite. */
export function forecastFromEtsFit(fit: EtsFit, horizon: number): SeriesForecast | undefined {
  const { mean, variance } = projectEts(fit, horizon);
  const p10 = new Float64Array(horizon);
  const p90 = new Float64Array(horizon);
  for (let i = 0; i < horizon; i++) {
    const half = Z80 * Math.sqrt(Math.max(variance[i] as number, 0));
    p10[i] = (mean[i] as number) - half;
    p90[i] = (mean[i] as number) + half;
  }
  const finite = [mean, p10, p90].every((a) => a.every(Number.isFinite));
  return finite ? { p50: mean, p10, p90, form: etsFormName(fit.form), params: etsParams(fit, fit.residuals.length) } : undefined;
}

export function forecastEts(y: Float64Array, options: SeriesModelOptions): SeriesForecast {
  const { horizon, season } = options;
  if (y.length === 0) return naiveSeriesForecast(y, horizon, 'Naive');
  if (isConstantSeries(y)) return naiveSeriesForecast(y, horizon, 'ETS(A,N,N)');
  const recent = y.length > ETS_MAX_FIT_POINTS ? y.subarray(y.length - ETS_MAX_FIT_POINTS) : y;
  // With 4 points every form's AICc is infinite (n − k − 1 = 0), yet ETS(A,N,N) can still be estimated.
  const fit = chooseEtsModel(recent, season) ?? fitEtsForm(recent, SIMPLE_EXPONENTIAL_SMOOTHING);
  return (fit && forecastFromEtsFit(fit, horizon)) ?? naiveSeriesForecast(y, horizon, 'Naive');
}

