/**
 * Fitting one seasonal ARIMA(p,d,q)(P,D,Q)[m] of fixed order, as R's `stats::arima` does it and as `forecast::Arima`
 * and `auto.arima`'s `myarima` wrap it (R 4.2, forecast 8.20):
 *
 *   1. parameters [ar, ma, sar, sma, intercept | drift]; the regression term's start comes from least squares on the
 *      differenced series, and its optimiser scale is ten times that estimate's standard error (R's `parscale`);
 *   2. 'CSS': minimise the conditional sum of squares (`ARIMA_CSS`), the first p + mP differenced values conditioning;
 *   3. 'CSS-ML': start from the CSS optimum (stationary AR required), map AR parts to partial autocorrelations
 *      (tanh / Durbin–Levinson, R's `partrans`), flip non-invertible MA roots, and maximise the exact Gaussian
 *      likelihood of the state-space form (`ARIMA_Like`: differencing inside the state with a diffuse prior κ = 1e6);
 *   4. the optimiser is R's `optim(method = 'BFGS')` (`vmmin`: numerical central-difference gradients, ndeps = 1e-3,
 *      reltol = 1.49e-8, maxit = 100) and the Hessian is `optimhess`'s, whose inverse must have a positive diagonal
 *      (auto.arima's `checkarima`);
 *   5. forecasts run the Kalman filter's final state forward (`KalmanForecast`), with variance × σ², σ² being
 *      `forecast`'s Σ residual² / (n* − k + 1).
 *
 * Deliberate differences, each changing R's numbers only in far digits (the golden tests hold them to R's):
 *   - the stationary covariance of the ARMA state (R's `getQ0`, Gardner et al. 1980, O(r⁴) memory, O(r⁶) time in
 *     r = max(p + mP, q + mQ + 1)) comes from the autocovariances in O(p³ + r²) (see `stationaryCovariance`);
 *   - the optimiser's likelihood is that of the differenced series (R keeps Δ inside the state with κ = 1e6: the
 *     same likelihood up to O(1/κ), with a state d + mD smaller); the final pass that forecasts start from is R's;
 *   - covariance updates stop once the Riccati recursion has settled to 1e-12 of its scale.
 */
import {
  ArimaFitError,
  arStationary,
  differencingPolynomial,
  expandArma,
  invTrans,
  maInvert,
  minModulus,
  undoPars,
  type ArimaOrder,
} from './arima-parameters';
import { arimaCss, arimaLike, armaLikeDifferenced, differenceInPlace, type KalmanState } from './arima-likelihood';
import { bfgs, inverseDiagonal, optimHessian, type Objective } from './optim-bfgs';

export type ArimaMethod = 'CSS' | 'CSS-ML';

export interface ArimaFitOptions {
  order: ArimaOrder;
  /** Intercept when d + D = 0, drift (slope on 1..n) when d + D = 1; ignored for d + D ≥ 2, as in `forecast::Arima`. */
  constant: boolean;
  method: ArimaMethod;
}

export interface ArimaFit {
  order: ArimaOrder;
  /** [ar…, ma…, sar…, sma…, intercept | drift] as R's `coef(fit)`. */
  coef: Float64Array;
  coefNames: string[];
  regressor: 'intercept' | 'drift' | 'none';
  /** `forecast`'s σ²: Σ residual² / (n* − k + 1), the one forecast intervals use. */
  sigma2: number;
  /** Gaussian log-likelihood (NaN for CSS fits, which R reports only through its AIC approximation). */
  loglik: number;
  /** R's `arima()` σ²: the innovations' mean square (ML fits; NaN for CSS), which auto.arima's AIC offset uses. */
  sigma2Ml: number;
  /** The conditional sum of squares' variance estimate (CSS fits only): auto.arima's AIC approximation uses it. */
  cssSigma2: number;
  /** Series length less the d + mD values lost to differencing. */
  nStar: number;
  /** Number of estimated coefficients plus one (σ²), as `auto.arima` counts them. */
  nPar: number;
  /** False when the optimiser's Hessian is singular or its inverse has a negative diagonal (R's `checkarima`). */
  hessianOk: boolean;
  /** Smallest modulus of the AR and MA polynomials' roots (2 when there are none), for auto.arima's 1.01 test. */
  minRoot: number;
  /** Kalman filter state after the last observation (CSS-ML fits): what forecasts start from. */
  state?: KalmanState;
  n: number;
}

/** qnorm(0.9): half-width of an 80 % normal interval in standard errors. */
export const Z80 = 1.2815515655446004;

function regressorOf(o: ArimaOrder, constant: boolean): ArimaFit['regressor'] {
  if (!constant) return 'none';
  const diffs = o.d + o.D;
  return diffs === 0 ? 'intercept' : diffs === 1 ? 'drift' : 'none';
}

function difference(x: Float64Array, lag: number, times: number): Float64Array {
  let w = x;
  for (let t = 0; t < times; t++) {
    const out = new Float64Array(Math.max(0, w.length - lag));
    for (let i = 0; i < out.length; i++) out[i] = (w[i + lag] as number) - (w[i] as number);
    w = out;
  }
  return w;
}

/**
 * Fits one ARIMA of fixed order to `y` (no missing values), as `forecast::Arima(y, order, seasonal, include.constant)`
 * with method 'CSS-ML', or as auto.arima's approximate search fit with method 'CSS'. Throws ArimaFitError where R's
 * `arima()` stops (non-stationary AR from CSS, non-finite likelihood).
 */
export function fitArima(y: Float64Array, options: ArimaFitOptions): ArimaFit {
  const o = options.order;
  const n = y.length;
  const narma = o.p + o.q + o.P + o.Q;
  const regressor = regressorOf(o, options.constant);
  const ncx = regressor === 'none' ? 0 : 1;
  const xreg = regressor === 'intercept' ? new Float64Array(n).fill(1) : regressor === 'drift' ? Float64Array.from({ length: n }, (_, i) => i + 1) : undefined;
  const delta = differencingPolynomial(o);
  const nUsed = n - delta.length;
  if (nUsed <= 0) throw new ArimaFitError('too few non-missing observations');
  const nStar = n - o.d - o.D * o.period;

  const init = new Float64Array(narma + ncx);
  const scale = new Float64Array(narma + ncx).fill(1);
  if (xreg) {
    const dx = difference(difference(y, 1, o.d), o.period, o.D);
    const dr = difference(difference(xreg, 1, o.d), o.period, o.D);
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < dx.length; i++) {
      sxy += (dr[i] as number) * (dx[i] as number);
      sxx += (dr[i] as number) ** 2;
    }
    const beta = sxy / sxx;
    let rss = 0;
    for (let i = 0; i < dx.length; i++) rss += ((dx[i] as number) - beta * (dr[i] as number)) ** 2;
    const se = Math.sqrt(rss / (dx.length - 1) / sxx);
    init[narma] = beta;
    // A perfect straight line leaves se = 0; R would then scale by 0 and fail, a unit scale keeps the fit finite.
    scale[narma] = se > 0 && Number.isFinite(se) ? 10 * se : 1;
  }
  const work = new Float64Array(n);
  const adjusted = (par: Float64Array): Float64Array => {
    if (!xreg) return y;
    const b = par[narma] as number;
    for (let i = 0; i < n; i++) work[i] = (y[i] as number) - b * (xreg[i] as number);
    return work;
  };
  // Differencing is linear: difference y and the regressor once, and combine them at each evaluation.
  const dy = differenceInPlace(y, o);
  const dreg = xreg ? differenceInPlace(xreg, o) : undefined;
  const dwork = new Float64Array(n);
  const differenced = (par: Float64Array): Float64Array => {
    if (!dreg) return dy;
    const b = par[narma] as number;
    for (let i = 0; i < n; i++) dwork[i] = (dy[i] as number) - b * (dreg[i] as number);
    return dwork;
  };
  const nLost = o.d + o.D * o.period;
  const names = [
    ...Array.from({ length: o.p }, (_, i) => `ar${i + 1}`),
    ...Array.from({ length: o.q }, (_, i) => `ma${i + 1}`),
    ...Array.from({ length: o.P }, (_, i) => `sar${i + 1}`),
    ...Array.from({ length: o.Q }, (_, i) => `sma${i + 1}`),
    ...(regressor === 'none' ? [] : [regressor]),
  ];

  const ncond = o.d + o.D * o.period + o.p + o.period * o.P;
  const cssResid = new Float64Array(n);
  const cssObjective: Objective = (par) => {
    const { phi, theta } = expandArma(par, o);
    return 0.5 * Math.log(arimaCss(differenced(par), phi, theta, ncond, cssResid));
  };
  const css = bfgs(cssObjective, init, scale);
  const rootsOf = (coef: Float64Array): number => {
    let m = 2;
    // Roots of a seasonal product are the factor's roots and the m-th roots of the seasonal factor's.
    m = Math.min(m, minModulus(Array.from(coef.subarray(0, o.p)), -1, 1e-8));
    m = Math.min(m, minModulus(Array.from(coef.subarray(o.p + o.q, o.p + o.q + o.P)), -1, 1e-8) ** (1 / o.period));
    m = Math.min(m, minModulus(Array.from(coef.subarray(o.p, o.p + o.q)), 1, 1e-8));
    m = Math.min(m, minModulus(Array.from(coef.subarray(o.p + o.q + o.P, narma)), 1, 1e-8) ** (1 / o.period));
    return m;
  };
  const base = { order: o, coefNames: names, regressor, nStar, nPar: narma + ncx + 1, n };

  if (options.method === 'CSS') {
    const coef = css.par;
    const { phi, theta } = expandArma(coef, o);
    const cssSigma2 = arimaCss(differenced(coef), phi, theta, ncond, cssResid);
    let ss = 0;
    for (const e of cssResid) ss += e * e;
    const H = narma + ncx > 0 ? optimHessian(cssObjective, coef, scale) : new Float64Array(0);
    const diag = narma + ncx > 0 ? inverseDiagonal(H.map((v) => v * nUsed), narma + ncx) : new Float64Array(0);
    return {
      ...base,
      coef,
      sigma2: ss / (nStar - (narma + ncx + 1) + 1),
      loglik: NaN,
      sigma2Ml: NaN,
      cssSigma2,
      hessianOk: diag !== null && diag.every((v) => v >= 0),
      minRoot: rootsOf(coef),
    };
  }

  const start = Float64Array.from(css.converged ? css.par : init);
  if (o.p > 0 && !arStationary(start, 0, o.p)) throw new ArimaFitError('non-stationary AR part from CSS');
  if (o.P > 0 && !arStationary(start, o.p + o.q, o.P)) throw new ArimaFitError('non-stationary seasonal AR part from CSS');
  const raw = invTrans(start, o);
  if (o.q > 0) maInvert(raw, o.p, o.q);
  if (o.Q > 0) maInvert(raw, o.p + o.q + o.P, o.Q);
  const mlObjective: Objective = (par) => {
    const { phi, theta } = expandArma(undoPars(par, o), o);
    const res = armaLikeDifferenced(differenced(par).subarray(nLost), phi, theta);
    const s2 = res.ssq / res.nu;
    const v = 0.5 * (Math.log(s2) + res.sumlog / res.nu);
    return Number.isFinite(v) ? v : Number.MAX_VALUE;
  };
  let ml = bfgs(mlObjective, raw, scale);
  const coefRaw = Float64Array.from(ml.par);
  if (o.q > 0) maInvert(coefRaw, o.p, o.q);
  if (o.Q > 0) maInvert(coefRaw, o.p + o.q + o.P, o.Q);
  if (coefRaw.some((v, i) => v !== ml.par[i])) ml = { ...ml, par: coefRaw, value: mlObjective(coefRaw) };
  const k = narma + ncx;
  let hessianOk = true;
  if (k > 0) {
    const H = optimHessian(mlObjective, coefRaw, scale).map((v) => v * nUsed);
    // R's ARIMA_Gradtrans: the Jacobian of the AR maps by forward differences (eps 1e-3), identity elsewhere.
    const A = new Float64Array(k * k);
    for (let i = 0; i < k; i++) A[i * k + i] = 1;
    const jac = (from: number, len: number): void => {
      if (len === 0) return;
      const base0 = undoPars(coefRaw, o);
      for (let i = 0; i < len; i++) {
        const w = Float64Array.from(coefRaw);
        w[from + i] = (w[from + i] as number) + 1e-3;
        const moved = undoPars(w, o);
        for (let j = 0; j < len; j++) A[(from + i) * k + from + j] = ((moved[from + j] as number) - (base0[from + j] as number)) / 1e-3;
      }
    };
    jac(0, o.p);
    jac(o.p + o.q, o.P);
    const diag = inverseDiagonal(H, k, A);
    hessianOk = diag !== null && diag.every((v) => v >= 0);
  }
  const coef = undoPars(coefRaw, o);
  const { phi, theta } = expandArma(coef, o);
  const final = arimaLike(adjusted(coef), phi, theta, delta, true);
  const value = 2 * nUsed * ml.value + nUsed + nUsed * Math.log(2 * Math.PI);
  const resid = final.resid as Float64Array;
  let ss = 0;
  for (const e of resid) if (!Number.isNaN(e)) ss += e * e;
  return {
    ...base,
    coef,
    sigma2: ss / (nStar - (k + 1) + 1),
    loglik: -0.5 * value,
    sigma2Ml: final.ssq / nUsed,
    cssSigma2: NaN,
    hessianOk,
    minRoot: rootsOf(coef),
    state: final.state,
  };
}

/** AIC as R's `arima()` reports it (ML fits) or auto.arima's CSS approximation with its offset. */
export function arimaAic(fit: ArimaFit, cssOffset = 0): number {
  if (Number.isNaN(fit.loglik)) return cssOffset + fit.nStar * Math.log(fit.cssSigma2) + 2 * fit.nPar;
  return -2 * fit.loglik + 2 * fit.nPar;
}

/** AICc as `forecast` computes it: AIC + 2k(k + 1) / (n* − k − 1), k counting σ². */
export function arimaAicc(fit: ArimaFit, cssOffset = 0): number {
  const k = fit.nPar;
  return arimaAic(fit, cssOffset) + (2 * k * (k + 1)) / (fit.nStar - k - 1);
}

/** Point forecasts and 80 % bounds of a CSS-ML fit, as `forecast(fit, h, level = 80)`. */
export function forecastArimaFit(fit: ArimaFit, horizon: number): { mean: Float64Array; lower: Float64Array; upper: Float64Array } {
  if (!fit.state) throw new ArimaFitError('only maximum-likelihood fits carry a state to forecast from');
  const { mean, variance } = kalmanForecast(fit.state, horizon);
  const b = fit.regressor === 'none' ? 0 : (fit.coef[fit.coef.length - 1] as number);
  const lower = new Float64Array(horizon);
  const upper = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    const reg = fit.regressor === 'intercept' ? b : fit.regressor === 'drift' ? b * (fit.n + h + 1) : 0;
    mean[h] = (mean[h] as number) + reg;
    const se = Math.sqrt((variance[h] as number) * fit.sigma2);
    lower[h] = (mean[h] as number) - Z80 * se;
    upper[h] = (mean[h] as number) + Z80 * se;
  }
  return { mean, lower, upper };
}

/** Point forecasts and their variances (in units of σ²) from a filtered state (R's `KalmanForecast`). */
export function kalmanForecast(state: KalmanState, horizon: number): { mean: Float64Array; variance: Float64Array } {
  const { phi, theta, delta } = state;
  const p = phi.length;
  const r = Math.max(p, theta.length + 1);
  const d = delta.length;
  const rd = r + d;
  const T = new Float64Array(rd * rd);
  for (let i = 0; i < p; i++) T[i] = phi[i] as number;
  for (let i = 1; i < r; i++) T[i - 1 + rd * i] = 1;
  if (d > 0) {
    T[r] = 1;
    for (let j = 0; j < d; j++) T[r + rd * (r + j)] = delta[j] as number;
    for (let i = 1; i < d; i++) T[r + i + rd * (r + i - 1)] = 1;
  }
  const Z = new Float64Array(rd);
  Z[0] = 1;
  for (let j = 0; j < d; j++) Z[r + j] = delta[j] as number;
  const Rv = new Float64Array(rd);
  Rv[0] = 1;
  for (let i = 1; i < r; i++) Rv[i] = i - 1 < theta.length ? (theta[i - 1] as number) : 0;
  let a = Float64Array.from(state.a);
  let P = Float64Array.from(state.P);
  const mean = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  const mm = new Float64Array(rd * rd);
  for (let l = 0; l < horizon; l++) {
    const an = new Float64Array(rd);
    let fc = 0;
    for (let i = 0; i < rd; i++) {
      let s = 0;
      for (let k = 0; k < rd; k++) s += (T[i + rd * k] as number) * (a[k] as number);
      an[i] = s;
      fc += s * (Z[i] as number);
    }
    a = an;
    mean[l] = fc;
    for (let i = 0; i < rd; i++)
      for (let j = 0; j < rd; j++) {
        let s = 0;
        for (let k = 0; k < rd; k++) s += (T[i + rd * k] as number) * (P[k + rd * j] as number);
        mm[i + rd * j] = s;
      }
    const Pn = new Float64Array(rd * rd);
    let v = 0;
    for (let i = 0; i < rd; i++)
      for (let j = 0; j < rd; j++) {
        let s = (Rv[i] as number) * (Rv[j] as number);
        for (let k = 0; k < rd; k++) s += (mm[i + rd * k] as number) * (T[j + rd * k] as number);
        Pn[i + rd * j] = s;
        v += (Z[i] as number) * (Z[j] as number) * s;
      }
    P = Pn;
    variance[l] = v;
  }
  return { mean, variance };
}
