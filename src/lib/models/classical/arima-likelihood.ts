/**
 * The likelihoods of a seasonal ARIMA: the exact Gaussian likelihood of the state-space form by the Kalman filter (which
 * also leaves the state that forecasts start from), the same for an already differenced series, and the conditional
 * sum of squares. Ports R's `getQ0`, `ARIMA_Like` and `ARIMA_CSS` (src/library/stats/src/arima.c).
 */

import { ArimaFitError, type ArimaOrder } from './arima-parameters';

export interface KalmanState {
  phi: Float64Array;
  theta: Float64Array;
  delta: Float64Array;
  a: Float64Array;
  P: Float64Array;
}

const KAPPA = 1e6;

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
export function arimaLike(y: Float64Array, phi: Float64Array, theta: Float64Array, delta: Float64Array, giveResid: boolean): LikeResult {
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
export function armaLikeDifferenced(w: Float64Array, phi: Float64Array, theta: Float64Array): { ssq: number; sumlog: number; nu: number } {
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
export function differenceInPlace(y: Float64Array, o: ArimaOrder): Float64Array {
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
export function arimaCss(w: Float64Array, phi: Float64Array, theta: Float64Array, ncond: number, resid: Float64Array): number {
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
