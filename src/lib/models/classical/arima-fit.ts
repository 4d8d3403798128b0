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

export type ArimaMethod = 'CSS' | 'CSS-ML';

/** The orders of a seasonal ARIMA, as R's `arima()` takes them; `period` 1 means no seasonal part. */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  period: number;
}

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

interface KalmanState {
  phi: Float64Array;
  theta: Float64Array;
  delta: Float64Array;
  a: Float64Array;
  P: Float64Array;
}

const KAPPA = 1e6;
const NDEPS = 1e-3;
const RELTOL = 1.4901161193847656e-8;
const MAXIT = 100;
/** qnorm(0.9): half-width of an 80 % normal interval in standard errors. */
export const Z80 = 1.2815515655446004;

/** Thrown where R's `arima()` stops with an error; `auto.arima` then scores the model as Inf. */
export class ArimaFitError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Parameter maps (R's partrans / invpartrans / transPars / maInvert)

function partrans(raw: Float64Array, from: number, p: number, out: Float64Array): void {
  const work = new Float64Array(p);
  for (let j = 0; j < p; j++) work[j] = out[from + j] = Math.tanh(raw[from + j] as number);
  for (let j = 1; j < p; j++) {
    const a = out[from + j] as number;
    for (let k = 0; k < j; k++) work[k] = (work[k] as number) - a * (out[from + j - k - 1] as number);
    for (let k = 0; k < j; k++) out[from + k] = work[k] as number;
  }
}

function invpartrans(phi: Float64Array, from: number, p: number, out: Float64Array): void {
  const nw = new Float64Array(p);
  const work = new Float64Array(p);
  for (let j = 0; j < p; j++) work[j] = nw[j] = phi[from + j] as number;
  for (let j = p - 1; j > 0; j--) {
    const a = nw[j] as number;
    for (let k = 0; k < j; k++) work[k] = ((nw[k] as number) + a * (nw[j - k - 1] as number)) / (1 - a * a);
    for (let k = 0; k < j; k++) nw[k] = work[k] as number;
  }
  for (let j = 0; j < p; j++) out[from + j] = Math.atanh(nw[j] as number);
}

/** AR parts of `par` mapped from unconstrained values to coefficients (R's `ARIMA_undoPars`). */
function undoPars(par: Float64Array, o: ArimaOrder): Float64Array {
  const out = Float64Array.from(par);
  if (o.p > 0) partrans(par, 0, o.p, out);
  if (o.P > 0) partrans(par, o.p + o.q, o.P, out);
  return out;
}

function invTrans(par: Float64Array, o: ArimaOrder): Float64Array {
  const out = Float64Array.from(par);
  if (o.p > 0) invpartrans(par, 0, o.p, out);
  if (o.P > 0) invpartrans(par, o.p + o.q, o.P, out);
  return out;
}

/** Multiplies out (1 − φ(B))(1 − Φ(Bᵐ)) and (1 + θ(B))(1 + Θ(Bᵐ)) (R's `ARIMA_transPars`). */
function expandArma(params: Float64Array, o: ArimaOrder): { phi: Float64Array; theta: Float64Array } {
  const { p: mp, q: mq, P: msp, Q: msq, period: ns } = o;
  const p = mp + ns * msp;
  const q = mq + ns * msq;
  const phi = new Float64Array(p);
  const theta = new Float64Array(q);
  for (let i = 0; i < mp; i++) phi[i] = params[i] as number;
  for (let i = 0; i < mq; i++) theta[i] = params[i + mp] as number;
  for (let j = 0; j < msp; j++) {
    const s = params[j + mp + mq] as number;
    phi[(j + 1) * ns - 1] = (phi[(j + 1) * ns - 1] as number) + s;
    for (let i = 0; i < mp; i++) phi[(j + 1) * ns + i] = (phi[(j + 1) * ns + i] as number) - (params[i] as number) * s;
  }
  for (let j = 0; j < msq; j++) {
    const s = params[j + mp + mq + msp] as number;
    theta[(j + 1) * ns - 1] = (theta[(j + 1) * ns - 1] as number) + s;
    for (let i = 0; i < mq; i++) theta[(j + 1) * ns + i] = (theta[(j + 1) * ns + i] as number) + (params[i + mp] as number) * s;
  }
  return { phi, theta };
}

// ---------------------------------------------------------------------------------------------------------------
// Polynomial roots (only the low-degree factors: seasonal products are checked factor by factor)

/** Moduli of the roots of c[0] + c[1] z + … + c[k] zᵏ (Durand–Kerner; degrees here are ≤ 5). */
function rootModuli(c: number[]): { re: number[]; im: number[] } {
  let k = c.length - 1;
  while (k > 0 && c[k] === 0) k--;
  if (k === 0) return { re: [], im: [] };
  const lead = c[k] as number;
  const a = c.slice(0, k + 1).map((v) => v / lead);
  const re: number[] = [];
  const im: number[] = [];
  for (let i = 0; i < k; i++) {
    const ang = (2 * Math.PI * i) / k + 0.4;
    const rad = 1 + Math.max(...a.slice(0, k).map(Math.abs));
    re.push(rad * 0.5 * Math.cos(ang));
    im.push(rad * 0.5 * Math.sin(ang));
  }
  for (let iter = 0; iter < 500; iter++) {
    let moved = 0;
    for (let i = 0; i < k; i++) {
      const zr = re[i] as number;
      const zi = im[i] as number;
      let pr = 1;
      let pi = 0;
      for (let j = k - 1; j >= 0; j--) {
        const tr = pr * zr - pi * zi + (a[j] as number);
        pi = pr * zi + pi * zr;
        pr = tr;
      }
      let dr = 1;
      let di = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const er = zr - (re[j] as number);
        const ei = zi - (im[j] as number);
        const tr = dr * er - di * ei;
        di = dr * ei + di * er;
        dr = tr;
      }
      const den = dr * dr + di * di;
      if (den === 0) continue;
      const qr = (pr * dr + pi * di) / den;
      const qi = (pi * dr - pr * di) / den;
      re[i] = zr - qr;
      im[i] = zi - qi;
      moved = Math.max(moved, Math.hypot(qr, qi) / Math.max(1, Math.hypot(zr, zi)));
    }
    if (moved < 1e-15) break;
  }
  return { re, im };
}

function minModulus(coefs: number[], sign: 1 | -1, tol: number): number {
  let last = coefs.length;
  while (last > 0 && !(Math.abs(coefs[last - 1] as number) > tol)) last--;
  if (last === 0) return Infinity;
  const { re, im } = rootModuli([1, ...coefs.slice(0, last).map((v) => sign * v)]);
  return Math.min(...re.map((r, i) => Math.hypot(r, im[i] as number)));
}

/** R's `arCheck`: every root of 1 − φ₁z − … − φₚzᵖ outside the unit circle. */
function arStationary(coef: Float64Array, from: number, p: number): boolean {
  return minModulus(Array.from(coef.subarray(from, from + p)), -1, 0) > 1;
}

/** R's `maInvert`: non-invertible MA roots replaced by their reciprocals. */
function maInvert(coef: Float64Array, from: number, q: number): void {
  const ma = Array.from(coef.subarray(from, from + q));
  let q0 = q;
  while (q0 > 0 && ma[q0 - 1] === 0) q0--;
  if (q0 === 0) return;
  const { re, im } = rootModuli([1, ...ma.slice(0, q0)]);
  const inside = re.map((r, i) => Math.hypot(r, im[i] as number) < 1);
  if (!inside.some(Boolean)) return;
  if (q0 === 1) {
    coef[from] = 1 / (ma[0] as number);
    for (let i = 1; i < q; i++) coef[from + i] = 0;
    return;
  }
  // Rebuild ∏(1 − z/rᵢ) with the inside roots flipped to 1/r̄ (as R's loop does).
  let xr = [1];
  let xi = [0];
  for (let i = 0; i < re.length; i++) {
    let rr = re[i] as number;
    let ri = im[i] as number;
    if (inside[i]) {
      const m2 = rr * rr + ri * ri;
      rr = rr / m2;
      ri = -ri / m2;
    }
    const m2 = rr * rr + ri * ri;
    const ir = rr / m2;
    const ii = -ri / m2;
    const nr = [...xr, 0];
    const ni = [...xi, 0];
    for (let j = 0; j < xr.length; j++) {
      nr[j + 1] = (nr[j + 1] as number) - ((xr[j] as number) * ir - (xi[j] as number) * ii);
      ni[j + 1] = (ni[j + 1] as number) - ((xr[j] as number) * ii + (xi[j] as number) * ir);
    }
    xr = nr;
    xi = ni;
  }
  for (let i = 0; i < q; i++) coef[from + i] = i < q0 ? (xr[i + 1] as number) : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// State space (R's makeARIMA, getQ0, ARIMA_Like, ARIMA_CSS, KalmanForecast)

function differencingPolynomial(o: ArimaOrder): Float64Array {
  let poly = [1];
  const times = (b: number[]): void => {
    const out = new Array<number>(poly.length + b.length - 1).fill(0);
    poly.forEach((x, i) => b.forEach((y, j) => (out[i + j] = (out[i + j] as number) + x * y)));
    poly = out;
  };
  for (let i = 0; i < o.d; i++) times([1, -1]);
  for (let i = 0; i < o.D; i++) {
    const s = new Array<number>(o.period + 1).fill(0);
    s[0] = 1;
    s[o.period] = -1;
    times(s);
  }
  return Float64Array.from(poly.slice(1).map((v) => -v));
}

/**
 * Stationary covariance of the ARMA state (R's `getQ0`), exactly but in O(p³ + r²): with σ² = 1, autocovariances
 * γ(0..r) and ψ-weights give the first row, Q[0][k] = Σⱼ φ_{k+j} γ(j+1) + θ_{k+j} ψⱼ, and Q = TQT' + RR' then fills
 * the rest from the bottom-right corner, Q[i][k] = Q[i+1][k+1] + φᵢφₖQ[0][0] + φᵢQ[0][k+1] + φₖQ[0][i+1] + θᵢθₖ.
 */
function stationaryCovariance(phi: Float64Array, theta: Float64Array, r: number): Float64Array {
  const p = phi.length;
  if (r === 1) return Float64Array.of(p > 0 ? 1 / (1 - (phi[0] as number) ** 2) : 1);
  const ph = (i: number): number => (i < p ? (phi[i] as number) : 0);
  // θ with θ₀ = 1 at index 0, zero beyond q
  const th = new Float64Array(r + 1);
  th[0] = 1;
  for (let i = 0; i < theta.length && i + 1 <= r; i++) th[i + 1] = theta[i] as number;
  const psi = new Float64Array(r + 1);
  for (let j = 0; j <= r; j++) {
    let v = th[j] as number;
    for (let i = 1; i <= Math.min(j, p); i++) v += (phi[i - 1] as number) * (psi[j - i] as number);
    psi[j] = v;
  }
  // γ(0..p) from (p+1) linear equations, then γ(k) = Σ φⱼγ(k−j) + Σ_{j≥k} θⱼψ_{j−k} for k > p.
  const rhs = (k: number): number => {
    let v = 0;
    for (let j = k; j <= r; j++) v += (th[j] as number) * (psi[j - k] as number);
    return v;
  };
  const gamma = new Float64Array(r + 2);
  const size = p + 1;
  const A = new Float64Array(size * size);
  const b = new Float64Array(size);
  for (let k = 0; k <= p; k++) {
    A[k * size + k] = (A[k * size + k] as number) + 1;
    for (let j = 1; j <= p; j++) {
      const lag = Math.abs(k - j);
      A[k * size + lag] = (A[k * size + lag] as number) - (phi[j - 1] as number);
    }
    b[k] = rhs(k);
  }
  const sol = solveLinear(A, b, size);
  if (!sol) throw new ArimaFitError('non-stationary AR part');
  for (let k = 0; k <= p && k <= r + 1; k++) gamma[k] = sol[k] as number;
  for (let k = p + 1; k <= r + 1; k++) {
    let v = k <= r ? rhs(k) : 0;
    for (let j = 1; j <= p; j++) v += (phi[j - 1] as number) * (gamma[k - j] as number);
    gamma[k] = v;
  }
  const row = new Float64Array(r + 1);
  row[0] = gamma[0] as number;
  for (let k = 1; k < r; k++) {
    let v = 0;
    for (let j = 0; k + j < r; j++) v += ph(k + j) * (gamma[j + 1] as number) + (th[k + j] as number) * (psi[j] as number);
    row[k] = v;
  }
  const Q = new Float64Array(r * r);
  const q0 = (k: number): number => (k < r ? (row[k] as number) : 0);
  for (let i = r - 1; i >= 0; i--)
    for (let k = r - 1; k >= i; k--) {
      let v;
      if (i === 0) v = q0(k);
      else {
        const next = i + 1 < r && k + 1 < r ? (Q[i + 1 + r * (k + 1)] as number) : 0;
        v = next + ph(i) * ph(k) * (row[0] as number) + ph(i) * q0(k + 1) + ph(k) * q0(i + 1) + (th[i] as number) * (th[k] as number);
      }
      Q[i + r * k] = v;
      Q[k + r * i] = v;
    }
  return Q;
}

function solveLinear(A: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(M[i * n + col] as number) > Math.abs(M[piv * n + col] as number)) piv = i;
    const pv = M[piv * n + col] as number;
    if (!(Math.abs(pv) > 1e-300)) return null;
    if (piv !== col) {
      for (let k = 0; k < n; k++) [M[piv * n + k], M[col * n + k]] = [M[col * n + k] as number, M[piv * n + k] as number];
      [x[piv], x[col]] = [x[col] as number, x[piv] as number];
    }
    for (let i = col + 1; i < n; i++) {
      const f = (M[i * n + col] as number) / pv;
      if (f === 0) continue;
      for (let k = col; k < n; k++) M[i * n + k] = (M[i * n + k] as number) - f * (M[col * n + k] as number);
      x[i] = (x[i] as number) - f * (x[col] as number);
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let v = x[i] as number;
    for (let k = i + 1; k < n; k++) v -= (M[i * n + k] as number) * (x[k] as number);
    x[i] = v / (M[i * n + i] as number);
  }
  return x;
}

interface LikeResult {
  ssq: number;
  sumlog: number;
  nu: number;
  resid?: Float64Array;
  state: KalmanState;
}

/** Exact Gaussian likelihood pieces by the Kalman filter (a port of R's `ARIMA_Like`, update index 0). */
function arimaLike(y: Float64Array, phi: Float64Array, theta: Float64Array, delta: Float64Array, giveResid: boolean): LikeResult {
  const n = y.length;
  const p = phi.length;
  const q = theta.length;
  const r = Math.max(p, q + 1);
  const d = delta.length;
  const rd = r + d;
  const a = new Float64Array(rd);
  const P = new Float64Array(rd * rd);
  const Pnew = new Float64Array(rd * rd);
  const Q0 = stationaryCovariance(phi, theta, r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) Pnew[i + rd * j] = Q0[i + r * j] as number;
  for (let i = r; i < rd; i++) Pnew[i + rd * i] = KAPPA;
  const anew = new Float64Array(rd);
  const M = new Float64Array(rd);
  const mm = d > 0 ? new Float64Array(rd * rd) : new Float64Array(0);
  const resid = giveResid ? new Float64Array(n) : undefined;
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  let steady = false;
  const Pprev = new Float64Array(rd * rd);
  const th = (i: number): number => (i < q ? (theta[i] as number) : 0);
  for (let l = 0; l < n; l++) {
    for (let i = 0; i < r; i++) {
      let tmp = i < r - 1 ? (a[i + 1] as number) : 0;
      if (i < p) tmp += (phi[i] as number) * (a[0] as number);
      anew[i] = tmp;
    }
    if (d > 0) {
      for (let i = r + 1; i < rd; i++) anew[i] = a[i - 1] as number;
      let tmp = a[0] as number;
      for (let i = 0; i < d; i++) tmp += (delta[i] as number) * (a[r + i] as number);
      anew[r] = tmp;
    }
    if (l > 0 && !steady) {
      if (d === 0) {
        for (let i = 0; i < r; i++) {
          const vi = i === 0 ? 1 : th(i - 1);
          for (let j = 0; j < r; j++) {
            let tmp = j === 0 ? vi : vi * th(j - 1);
            if (i < p && j < p) tmp += (phi[i] as number) * (phi[j] as number) * (P[0] as number);
            if (i < r - 1 && j < r - 1) tmp += P[i + 1 + r * (j + 1)] as number;
            if (i < p && j < r - 1) tmp += (phi[i] as number) * (P[j + 1] as number);
            if (j < p && i < r - 1) tmp += (phi[j] as number) * (P[i + 1] as number);
            Pnew[i + r * j] = tmp;
          }
        }
      } else {
        for (let i = 0; i < r; i++)
          for (let j = 0; j < rd; j++) {
            let tmp = 0;
            if (i < p) tmp += (phi[i] as number) * (P[rd * j] as number);
            if (i < r - 1) tmp += P[i + 1 + rd * j] as number;
            mm[i + rd * j] = tmp;
          }
        for (let j = 0; j < rd; j++) {
          let tmp = P[rd * j] as number;
          for (let k = 0; k < d; k++) tmp += (delta[k] as number) * (P[r + k + rd * j] as number);
          mm[r + rd * j] = tmp;
        }
        for (let i = 1; i < d; i++) for (let j = 0; j < rd; j++) mm[r + i + rd * j] = P[r + i - 1 + rd * j] as number;
        for (let i = 0; i < r; i++)
          for (let j = 0; j < rd; j++) {
            let tmp = 0;
            if (i < p) tmp += (phi[i] as number) * (mm[j] as number);
            if (i < r - 1) tmp += mm[rd * (i + 1) + j] as number;
            Pnew[j + rd * i] = tmp;
          }
        for (let j = 0; j < rd; j++) {
          let tmp = mm[j] as number;
          for (let k = 0; k < d; k++) tmp += (delta[k] as number) * (mm[rd * (r + k) + j] as number);
          Pnew[rd * r + j] = tmp;
        }
        for (let i = 1; i < d; i++) for (let j = 0; j < rd; j++) Pnew[rd * (r + i) + j] = mm[rd * (r + i - 1) + j] as number;
        for (let i = 0; i <= q; i++) {
          const vi = i === 0 ? 1 : (theta[i - 1] as number);
          for (let j = 0; j <= q; j++) Pnew[i + rd * j] = (Pnew[i + rd * j] as number) + vi * (j === 0 ? 1 : (theta[j - 1] as number));
        }
      }
    }
    if (l > 0 && !steady) {
      // R updates the covariance at every step; once the Riccati recursion has settled (to 1e-12 of its scale) the
      // updates no longer change a digit that matters, and long series get cheaper.
      let change = 0;
      let size = 0;
      for (let i = 0; i < rd * rd; i++) {
        change = Math.max(change, Math.abs((Pnew[i] as number) - (Pprev[i] as number)));
        size = Math.max(size, Math.abs(Pnew[i] as number));
      }
      if (change <= 1e-12 * size && size < KAPPA) steady = true;
    }
    if (!steady) Pprev.set(Pnew);
    const yl = y[l] as number;
    if (!Number.isNaN(yl)) {
      let res = yl - (anew[0] as number);
      for (let i = 0; i < d; i++) res -= (delta[i] as number) * (anew[r + i] as number);
      for (let i = 0; i < rd; i++) {
        let tmp = Pnew[i] as number;
        for (let j = 0; j < d; j++) tmp += (Pnew[i + (r + j) * rd] as number) * (delta[j] as number);
        M[i] = tmp;
      }
      let gain = M[0] as number;
      for (let j = 0; j < d; j++) gain += (delta[j] as number) * (M[r + j] as number);
      if (gain < 1e4) {
        nu++;
        ssq += (res * res) / gain;
        sumlog += Math.log(gain);
      }
      if (resid) resid[l] = res / Math.sqrt(gain);
      for (let i = 0; i < rd; i++) a[i] = (anew[i] as number) + ((M[i] as number) * res) / gain;
      if (!steady)
        for (let i = 0; i < rd; i++)
          for (let j = 0; j < rd; j++) P[i + j * rd] = (Pnew[i + j * rd] as number) - ((M[i] as number) * (M[j] as number)) / gain;
    } else {
      a.set(anew);
      P.set(Pnew);
      steady = false;
      if (resid) resid[l] = NaN;
    }
  }
  return { ssq, sumlog, nu, resid, state: { phi, theta, delta, a, P } };
}

/**
 * The same recursion as `arimaLike` for an already differenced series (no Δ in the state): what the optimiser calls.
 * Symmetry is used, the stationary part's covariance is frozen once the Riccati recursion has settled, and the
 * likelihood is that of the differenced series, which equals R's diffuse-prior one up to O(1/κ).
 */
function armaLikeDifferenced(w: Float64Array, phi: Float64Array, theta: Float64Array): { ssq: number; sumlog: number; nu: number } {
  const n = w.length;
  const p = phi.length;
  const r = Math.max(p, theta.length + 1);
  const ph = new Float64Array(r);
  ph.set(phi);
  const V = new Float64Array(r * r);
  const rv = new Float64Array(r);
  rv[0] = 1;
  for (let i = 1; i < r; i++) rv[i] = i - 1 < theta.length ? (theta[i - 1] as number) : 0;
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) V[i + r * j] = (rv[i] as number) * (rv[j] as number);
  const Pnew = stationaryCovariance(phi, theta, r);
  const P = new Float64Array(r * r);
  const a = new Float64Array(r);
  const anew = new Float64Array(r);
  const col = new Float64Array(r);
  let ssq = 0;
  let sumlog = 0;
  let nu = 0;
  let steady = false;
  for (let l = 0; l < n; l++) {
    const a0 = a[0] as number;
    for (let i = 0; i < r - 1; i++) anew[i] = (a[i + 1] as number) + (ph[i] as number) * a0;
    anew[r - 1] = (ph[r - 1] as number) * a0;
    if (l > 0 && !steady) {
      const P00 = P[0] as number;
      for (let j = 0; j < r - 1; j++) col[j] = P[j + 1] as number;
      col[r - 1] = 0;
      let change = 0;
      let size = 0;
      for (let i = 0; i < r; i++) {
        const phii = ph[i] as number;
        const ci = col[i] as number;
        for (let j = i; j < r; j++) {
          let tmp = (V[i + r * j] as number) + phii * ((ph[j] as number) * P00 + (col[j] as number)) + (ph[j] as number) * ci;
          if (i < r - 1 && j < r - 1) tmp += P[i + 1 + r * (j + 1)] as number;
          const old = Pnew[i + r * j] as number;
          change = Math.max(change, Math.abs(tmp - old));
          size = Math.max(size, Math.abs(tmp));
          Pnew[i + r * j] = tmp;
          Pnew[j + r * i] = tmp;
        }
      }
      if (change <= 1e-12 * size) steady = true;
    }
    const wl = w[l] as number;
    const res = wl - (anew[0] as number);
    const gain = Pnew[0] as number;
    if (gain < 1e4) {
      nu++;
      ssq += (res * res) / gain;
      sumlog += Math.log(gain);
    }
    const k = res / gain;
    for (let i = 0; i < r; i++) a[i] = (anew[i] as number) + (Pnew[i] as number) * k;
    if (!steady)
      for (let i = 0; i < r; i++) {
        const mi = (Pnew[i] as number) / gain;
        for (let j = i; j < r; j++) {
          const v = (Pnew[i + r * j] as number) - mi * (Pnew[j] as number);
          P[i + r * j] = v;
          P[j + r * i] = v;
        }
      }
  }
  return { ssq, sumlog, nu };
}

/** R's in-place differencing (`ARIMA_CSS`'s first loops): the first d + mD values stay as they were. */
function differenceInPlace(y: Float64Array, o: ArimaOrder): Float64Array {
  const n = y.length;
  const w = Float64Array.from(y);
  for (let i = 0; i < o.d; i++) for (let l = n - 1; l > 0; l--) w[l] = (w[l] as number) - (w[l - 1] as number);
  const ns = o.period;
  for (let i = 0; i < o.D; i++) for (let l = n - 1; l >= ns; l--) w[l] = (w[l] as number) - (w[l - ns] as number);
  return w;
}

/** Lags (1-based) of a polynomial's non-zero coefficients: seasonal products are mostly zeros. */
function nonZeroLags(c: Float64Array): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < c.length; i++) if (c[i] !== 0) out.push(i);
  return Int32Array.from(out);
}

/** Conditional sum of squares of an already differenced series (a port of R's `ARIMA_CSS`). */
function arimaCss(w: Float64Array, phi: Float64Array, theta: Float64Array, ncond: number, resid: Float64Array): number {
  const n = w.length;
  const arLags = nonZeroLags(phi);
  const maLags = nonZeroLags(theta);
  resid.fill(0, 0, Math.min(ncond, n));
  let ssq = 0;
  let nu = 0;
  for (let l = ncond; l < n; l++) {
    let tmp = w[l] as number;
    for (const j of arLags) tmp -= (phi[j] as number) * (w[l - j - 1] as number);
    const jmax = l - ncond;
    for (const j of maLags) if (j < jmax) tmp -= (theta[j] as number) * (resid[l - j - 1] as number);
    resid[l] = tmp;
    if (!Number.isNaN(tmp)) {
      nu++;
      ssq += tmp * tmp;
    }
  }
  return ssq / nu;
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

// ---------------------------------------------------------------------------------------------------------------
// R's optim(method = "BFGS"): vmmin over par / parscale with central-difference gradients, and optimhess

type Objective = (par: Float64Array) => number;

function numericGradient(fn: Objective, x: Float64Array, scale: Float64Array): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) at[i] = (x[i] as number) * (scale[i] as number);
  for (let i = 0; i < n; i++) {
    at[i] = ((x[i] as number) + NDEPS) * (scale[i] as number);
    const v1 = fn(at);
    at[i] = ((x[i] as number) - NDEPS) * (scale[i] as number);
    const v2 = fn(at);
    g[i] = (v1 - v2) / (2 * NDEPS);
    if (!Number.isFinite(g[i] as number)) throw new ArimaFitError(`non-finite finite-difference value [${i + 1}]`);
    at[i] = (x[i] as number) * (scale[i] as number);
  }
  return g;
}

interface OptimResult {
  par: Float64Array;
  value: number;
  converged: boolean;
}

function bfgs(fn: Objective, init: Float64Array, scale: Float64Array, maxit = MAXIT): OptimResult {
  const n = init.length;
  const unscaled = new Float64Array(n);
  const f0 = (x: Float64Array): number => {
    for (let i = 0; i < n; i++) unscaled[i] = (x[i] as number) * (scale[i] as number);
    return fn(unscaled);
  };
  const b = init.map((v, i) => v / (scale[i] as number));
  if (n === 0 || maxit === 0) return { par: Float64Array.from(init), value: fn(init), converged: true };
  let f = f0(b);
  if (!Number.isFinite(f)) throw new ArimaFitError("initial value in 'vmmin' is not finite");
  let fmin = f;
  let g = numericGradient(fn, b, scale);
  let iter = 1;
  let gradcount = 1;
  let ilast = gradcount;
  const B = new Float64Array(n * n);
  const X = new Float64Array(n);
  const c = new Float64Array(n);
  const t = new Float64Array(n);
  let count: number;
  do {
    if (ilast === gradcount) {
      B.fill(0);
      for (let i = 0; i < n; i++) B[i * n + i] = 1;
    }
    for (let i = 0; i < n; i++) {
      X[i] = b[i] as number;
      c[i] = g[i] as number;
    }
    let gradproj = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= (B[i * n + j] as number) * (g[j] as number);
      t[i] = s;
      gradproj += s * (g[i] as number);
    }
    if (gradproj < 0) {
      let steplength = 1;
      let accpoint = false;
      do {
        count = 0;
        for (let i = 0; i < n; i++) {
          b[i] = (X[i] as number) + steplength * (t[i] as number);
          if (10 + (X[i] as number) === 10 + (b[i] as number)) count++;
        }
        if (count < n) {
          f = f0(b);
          accpoint = Number.isFinite(f) && f <= fmin + gradproj * steplength * 1e-4;
          if (!accpoint) steplength *= 0.2;
        }
      } while (!(count === n || accpoint));
      const enough = f > -Infinity && Math.abs(f - fmin) > RELTOL * (Math.abs(fmin) + RELTOL);
      if (!enough) {
        count = n;
        fmin = f;
      }
      if (count < n) {
        fmin = f;
        g = numericGradient(fn, b, scale);
        gradcount++;
        iter++;
        let D1 = 0;
        for (let i = 0; i < n; i++) {
          t[i] = steplength * (t[i] as number);
          c[i] = (g[i] as number) - (c[i] as number);
          D1 += (t[i] as number) * (c[i] as number);
        }
        if (D1 > 0) {
          let D2 = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += (B[i * n + j] as number) * (c[j] as number);
            X[i] = s;
            D2 += s * (c[i] as number);
          }
          D2 = 1 + D2 / D1;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++)
              B[i * n + j] =
                (B[i * n + j] as number) +
                (D2 * (t[i] as number) * (t[j] as number) - (X[i] as number) * (t[j] as number) - (t[i] as number) * (X[j] as number)) / D1;
        } else {
          ilast = gradcount;
        }
      } else if (ilast < gradcount) {
        count = 0;
        ilast = gradcount;
      }
    } else {
      count = 0;
      if (ilast === gradcount) count = n;
      else ilast = gradcount;
    }
    if (iter >= maxit) break;
    if (gradcount - ilast > 2 * n) ilast = gradcount;
  } while (count !== n || ilast !== gradcount);
  return { par: b.map((v, i) => v * (scale[i] as number)), value: fmin, converged: iter < maxit };
}

/**
 * R's `optimhess`: central differences (outer step ndeps) of the central-difference gradient (inner step
 * ndeps × parscale), symmetrised. Written as four-point second differences so that points shared between (i, j) and
 * (j, i) are evaluated once: the same numbers as R's for about half of its evaluations.
 */
function optimHessian(fn: Objective, par: Float64Array, scale: Float64Array): Float64Array {
  const n = par.length;
  const H = new Float64Array(n * n);
  const memo = new Map<string, number>();
  const at = (i: number, a: number, j: number, b: number): number => {
    const x = Float64Array.from(par);
    x[i] = (x[i] as number) + a;
    x[j] = (x[j] as number) + b;
    const key = x.join(',');
    let v = memo.get(key);
    if (v === undefined) {
      v = fn(x);
      memo.set(key, v);
    }
    return v;
  };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const a = NDEPS;
      const b = NDEPS * (scale[j] as number);
      const v = (at(i, a, j, b) - at(i, a, j, -b) - at(i, -a, j, b) + at(i, -a, j, -b)) / (4 * NDEPS * NDEPS * (scale[j] as number));
      if (!Number.isFinite(v)) throw new ArimaFitError('non-finite finite-difference value');
      H[i * n + j] = v;
    }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const s = 0.5 * ((H[i * n + j] as number) + (H[j * n + i] as number));
      H[i * n + j] = s;
      H[j * n + i] = s;
    }
  return H;
}

/** Diagonal of A' H⁻¹ A (A = I when omitted) by Gauss–Jordan with partial pivoting; null when H is singular. */
function inverseDiagonal(H: Float64Array, n: number, A?: Float64Array): Float64Array | null {
  const M = Float64Array.from(H);
  const rhs = A ? Float64Array.from(A) : new Float64Array(n * n).map((_, k) => (k % (n + 1) === 0 ? 1 : 0));
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(M[i * n + col] as number) > Math.abs(M[piv * n + col] as number)) piv = i;
    const pv = M[piv * n + col] as number;
    if (!(Math.abs(pv) > 0) || !Number.isFinite(pv)) return null;
    if (piv !== col)
      for (let k = 0; k < n; k++) {
        [M[piv * n + k], M[col * n + k]] = [M[col * n + k] as number, M[piv * n + k] as number];
        [rhs[piv * n + k], rhs[col * n + k]] = [rhs[col * n + k] as number, rhs[piv * n + k] as number];
      }
    for (let i = 0; i < n; i++) {
      if (i === col) continue;
      const f = (M[i * n + col] as number) / pv;
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        M[i * n + k] = (M[i * n + k] as number) - f * (M[col * n + k] as number);
        rhs[i * n + k] = (rhs[i * n + k] as number) - f * (rhs[col * n + k] as number);
      }
    }
  }
  // rhs row i now holds (H⁻¹A)[i, ·] × M[i,i]; diag(A' H⁻¹ A)_j = Σ_i A[i,j] (H⁻¹A)[i,j]
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (A ? (A[i * n + j] as number) : i === j ? 1 : 0) * ((rhs[i * n + j] as number) / (M[i * n + i] as number));
    out[j] = s;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The fit

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
