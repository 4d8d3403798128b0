/**
 * The parameter space of a seasonal ARIMA: the maps between the optimiser's unconstrained values and AR coefficients
 * (tanh and Durbin–Levinson), the multiplied-out AR and MA polynomials, and the root checks on them. Ports R's
 * `partrans`, `ARIMA_undoPars`, `ARIMA_Invtrans` and `ARIMA_transPars` (src/library/stats/src/arima.c) and the
 * `arCheck` and `maInvert` helpers inside `arima()` (src/library/stats/R/arima.R).
 *
 * The order type and the error class live here, at the bottom of the ARIMA files' imports, so that the likelihood and
 * the optimiser can use them without an import cycle through the fit.
 */

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

/** Thrown where R's `arima()` stops with an error; `auto.arima` then scores the model as Inf. */
export class ArimaFitError extends Error {}

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
export function undoPars(par: Float64Array, o: ArimaOrder): Float64Array {
  const out = Float64Array.from(par);
  if (o.p > 0) partrans(par, 0, o.p, out);
  if (o.P > 0) partrans(par, o.p + o.q, o.P, out);
  return out;
}

export function invTrans(par: Float64Array, o: ArimaOrder): Float64Array {
  const out = Float64Array.from(par);
  if (o.p > 0) invpartrans(par, 0, o.p, out);
  if (o.P > 0) invpartrans(par, o.p + o.q, o.P, out);
  return out;
}

/** Multiplies out (1 − φ(B))(1 − Φ(Bᵐ)) and (1 + θ(B))(1 + Θ(Bᵐ)) (R's `ARIMA_transPars`). */
export function expandArma(params: Float64Array, o: ArimaOrder): { phi: Float64Array; theta: Float64Array } {
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

export function minModulus(coefs: number[], sign: 1 | -1, tol: number): number {
  let last = coefs.length;
  while (last > 0 && !(Math.abs(coefs[last - 1] as number) > tol)) last--;
  if (last === 0) return Infinity;
  const { re, im } = rootModuli([1, ...coefs.slice(0, last).map((v) => sign * v)]);
  return Math.min(...re.map((r, i) => Math.hypot(r, im[i] as number)));
}

/** R's `arCheck`: every root of 1 − φ₁z − … − φₚzᵖ outside the unit circle. */
export function arStationary(coef: Float64Array, from: number, p: number): boolean {
  return minModulus(Array.from(coef.subarray(from, from + p)), -1, 0) > 1;
}

/** R's `maInvert`: non-invertible MA roots replaced by their reciprocals. */
export function maInvert(coef: Float64Array, from: number, q: number): void {
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

/** δ with (1 − B)ᵈ(1 − Bᵐ)ᴰ = 1 − δ₁B − δ₂B² − …: the differencing the state-space form carries (R's `Delta`). */
export function differencingPolynomial(o: ArimaOrder): Float64Array {
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
