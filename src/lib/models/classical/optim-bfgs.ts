/**
 * R's `optim(method = "BFGS")` with its default controls: `vmmin` (src/appl/optim.c) minimising over par / parscale with
 * central-difference gradients (`fmingr`, src/library/stats/src/optim.c), and `optimhess` (the same file) for the
 * Hessian at the optimum. Only `arima()` calls it, so a failure is an `ArimaFitError`: in R an error inside optim stops
 * arima(), and auto.arima then scores the model as Inf.
 */

import { ArimaFitError } from './arima-parameters';

const NDEPS = 1e-3;
const RELTOL = 1.4901161193847656e-8;
const MAXIT = 100;

export type Objective = (par: Float64Array) => number;

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

export function bfgs(fn: Objective, init: Float64Array, scale: Float64Array, maxit = MAXIT): OptimResult {
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
export function optimHessian(fn: Objective, par: Float64Array, scale: Float64Array): Float64Array {
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
export function inverseDiagonal(H: Float64Array, n: number, A?: Float64Array): Float64Array | null {
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
