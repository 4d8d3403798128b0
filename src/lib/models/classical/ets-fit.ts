/**
 * Fitting one exponential smoothing (ETS) form by maximum likelihood, as R's `forecast:::etsmodel` does (forecast 8.20):
 *
 *   1. initial states from a classical decomposition (`initstate`): level and slope from a straight line through the
 *      first max(10, 2m) seasonally adjusted points, seasonal indices from `decompose` (or, with fewer than three
 *      seasons, from a regression on a trend and one Fourier pair);
 *   2. starting smoothing parameters (`initparam`), the usual bounds 1e-4 < α, β, γ < 0.9999, 0.8 ≤ φ ≤ 0.98, β ≤ α,
 *      γ ≤ 1 − α, and the admissible region of Hyndman et al. (2008) (`admissible`);
 *   3. Nelder–Mead over (α, β, γ, φ, l₀, b₀, s₀…s_{m−2}) on R's criterion n·log Σe² (+ 2 Σ log|ŷ| for multiplicative
 *      errors), the last seasonal state fixed so the indices sum to m (×) or 0 (+);
 *   4. the state-space recursion of `etscalc` (src/etscalc.c) for the likelihood, residuals and the final state.
 */
import { minimiseNelderMead } from './nelder-mead';

export type EtsErrorType = 'A' | 'M';
export type EtsTrendType = 'N' | 'A';
export type EtsSeasonType = 'N' | 'A' | 'M';

export interface EtsForm {
  error: EtsErrorType;
  trend: EtsTrendType;
  damped: boolean;
  season: EtsSeasonType;
  /** Periods per season; only read when season ≠ 'N'. */
  period: number;
}

/** A fitted (or given) ETS model: smoothing parameters and the initial state vector in R's `states[1, ]` order. */
export interface EtsModel {
  form: EtsForm;
  alpha: number;
  /** 0 without a trend. */
  beta: number;
  /** 0 without a season. */
  gamma: number;
  /** 1 unless damped. */
  phi: number;
  /** [l, b?, s1 … sm]: sm is the seasonal index the first observation uses (R's layout). */
  initialState: Float64Array;
}

export interface EtsFit extends EtsModel {
  /** R's `e$lik`: −2·log-likelihood up to a constant; loglik = −lik / 2. */
  lik: number;
  aicc: number;
  /** Count of estimated values (parameters and free initial states), R's `length(fit$par)`. */
  estimated: number;
  /** One-step residuals (relative for multiplicative errors), as R's `residuals(fit)`. */
  residuals: Float64Array;
  /** State after the last observation, R's `states[n + 1, ]`. */
  finalState: Float64Array;
  /** R's `sigma2`: Σ residuals² / (n − estimated). */
  sigma2: number;
}

export type EtsCriterion = 'lik' | 'mse';

export interface EtsFitOptions {
  /** R's `opt.crit`: 'lik' for `ets()`, 'mse' for `ses()` (which Theta uses). */
  criterion?: EtsCriterion;
  /** Function evaluations allowed to Nelder–Mead (R's maxit = 2000). */
  maxEvaluations?: number;
}

/** Form as R prints it, e.g. ETS(M,Ad,M). */
export function etsFormName(form: EtsForm): string {
  return `ETS(${form.error},${form.trend}${form.damped ? 'd' : ''},${form.season})`;
}

const LOWER = [1e-4, 1e-4, 1e-4, 0.8] as const;
const UPPER = [0.9999, 0.9999, 0.9999, 0.98] as const;
// etscalc's guards: a near-zero divisor becomes HUGEN instead of a division by zero.
const TOL = 1e-10;
const HUGEN = 1e9;

export interface EtsRecursion {
  lik: number;
  /** Mean squared one-step error on the original scale (R's amse[1]). */
  mse: number;
}

/**
 * R's `etscalc`: runs the state-space recursion from `initialState` through y. Writes residuals and the final state
 * when given arrays to fill; otherwise allocates nothing (the optimiser calls this thousands of times).
 */
export function runEtsRecursion(
  y: Float64Array,
  model: EtsModel,
  out?: { residuals: Float64Array; finalState: Float64Array },
): EtsRecursion {
  const { form, alpha, beta, gamma, phi, initialState } = model;
  const n = y.length;
  const hasTrend = form.trend !== 'N';
  // Numeric codes keep the loop monomorphic: it runs n × 2000 × 15 times per series.
  const seasonCode = form.season === 'N' ? 0 : form.season === 'A' ? 1 : 2;
  const m = seasonCode === 0 ? 1 : form.period;
  const addError = form.error === 'A';
  const firstSeason = hasTrend ? 2 : 1;
  let l = initialState[0] as number;
  let b = hasTrend ? (initialState[1] as number) : 0;
  const phiT = hasTrend ? phi : 0;
  // Seasonal states in a ring: s[(head + j) % m] is R's s[j]; R's s[m-1] (the one y[t] uses) sits just before head.
  const s = seasonCode === 0 ? SCRATCH_EMPTY : initialState.slice(firstSeason, firstSeason + m);
  const residuals = out?.residuals;
  let head = 0;
  let sse = 0;
  let sumLogF = 0;
  let productF = 1;
  let sumSq = 0;
  const bRatio = hasTrend ? beta / alpha : 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    const phib = phiT * b;
    const q = l + phib;
    let f = q;
    let p = yt;
    let sOld = 0;
    const oldIdx = head === 0 ? m - 1 : head - 1;
    if (seasonCode === 1) {
      sOld = s[oldIdx] as number;
      f = q + sOld;
      p = yt - sOld;
    } else if (seasonCode === 2) {
      sOld = s[oldIdx] as number;
      f = q * sOld;
      p = Math.abs(sOld) < TOL ? HUGEN : yt / sOld;
    }
    const diff = yt - f;
    sumSq += diff * diff;
    let e = diff;
    if (!addError) {
      e = diff / f;
      // Σ log|ŷ| as the log of a running product, taken before it leaves double range: one log per ~100 steps
      // instead of one per step (the log was half the cost of a multiplicative-error likelihood).
      productF *= f;
      if (!(productF < 1e250 && productF > -1e250 && (productF > 1e-250 || productF < -1e-250))) {
        sumLogF += Math.log(Math.abs(productF));
        productF = 1;
      }
    }
    if (residuals) residuals[t] = e;
    sse += e * e;

    const oldl = l;
    l = q + alpha * (p - q);
    if (hasTrend) b = phib + bRatio * (l - oldl - phib);
    if (seasonCode !== 0) {
      const target = seasonCode === 1 ? yt - q : Math.abs(q) < TOL ? HUGEN : yt / q;
      // R shifts every index down one place and puts the update in front: the ring does it by moving head back.
      s[oldIdx] = sOld + gamma * (target - sOld);
      head = oldIdx;
    }
  }
  let lik = n * Math.log(sse);
  if (!addError) lik += 2 * (sumLogF + Math.log(Math.abs(productF)));
  if (out) {
    out.finalState[0] = l;
    if (hasTrend) out.finalState[1] = b;
    for (let j = 0; j < (seasonCode === 0 ? 0 : m); j++) out.finalState[firstSeason + j] = s[(head + j) % m] as number;
  }
  return { lik, mse: sumSq / n };
}
const SCRATCH_EMPTY = new Float64Array(0);

/** Solves the small normal equations (XᵀX)c = Xᵀy by Gaussian elimination with partial pivoting. */
function leastSquares(columns: Float64Array[], y: Float64Array): Float64Array {
  const k = columns.length;
  const a = Array.from({ length: k }, () => new Float64Array(k + 1));
  for (let i = 0; i < k; i++) {
    const ci = columns[i] as Float64Array;
    const row = a[i] as Float64Array;
    for (let j = 0; j < k; j++) {
      const cj = columns[j] as Float64Array;
      let sum = 0;
      for (let t = 0; t < y.length; t++) sum += (ci[t] as number) * (cj[t] as number);
      row[j] = sum;
    }
    let sy = 0;
    for (let t = 0; t < y.length; t++) sy += (ci[t] as number) * (y[t] as number);
    row[k] = sy;
  }
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const pr = a[c]!;
    for (let r = 0; r < k; r++) {
      if (r === c || pr[c] === 0) continue;
      const row = a[r]!;
      const factor = row[c]! / pr[c]!;
      for (let j = c; j <= k; j++) row[j] = row[j]! - factor * pr[j]!;
    }
  }
  return Float64Array.from({ length: k }, (_, i) => (a[i]![i] === 0 ? 0 : a[i]![k]! / a[i]![i]!));
}

/** R's `lsfit(x, y)$coefficients`: intercept and slope of a straight line. */
export function fitLine(x: ArrayLike<number>, y: ArrayLike<number>): { intercept: number; slope: number } {
  const n = y.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    sxy += dx * ((y[i] as number) - my);
    sxx += dx * dx;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

/**
 * R's `decompose(x, type)`: centred moving-average trend (2×m for even m), seasonal figure = mean detrended value at
 * each position counted from the first observation, normalised to mean 0 (additive) or 1 (multiplicative), repeated.
 */
export function classicalSeasonal(y: Float64Array, period: number, type: 'additive' | 'multiplicative'): Float64Array {
  const n = y.length;
  // R's filter(): weights already divided by m, summed from the newest point of the window back to the oldest.
  const weights =
    period % 2 === 0 ? [0.5, ...Array<number>(period - 1).fill(1), 0.5].map((w) => w / period) : Array<number>(period).fill(1 / period);
  const half = (weights.length - 1) / 2;
  const byPosition: number[][] = Array.from({ length: period }, () => []);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    for (let j = 0; j < weights.length; j++) trend += (weights[j] as number) * (y[t + half - j] as number);
    byPosition[t % period]!.push(type === 'additive' ? (y[t] as number) - trend : (y[t] as number) / trend);
  }
  const figure = byPosition.map((values) => meanOf(values));
  const centre = meanOf(figure);
  const normalised = figure.map((v) => (type === 'additive' ? v - centre : v / centre));
  return Float64Array.from({ length: n }, (_, t) => normalised[t % period] as number);
}

/**
 * R's mean(), which sums in long double and corrects by the mean residual, so returns the mean rounded once. Here: a
 * double-double sum (TwoSum) and an exact remainder (Dekker's TwoProduct). Matching R to the last bit matters: the
 * initial states seed Nelder–Mead, whose path can fork on the last bit when the likelihood is flat.
 */
export function meanOf(values: ArrayLike<number>): number {
  const n = values.length;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const t = hi + v;
    const bv = t - hi;
    lo += hi - (t - bv) + (v - bv);
    hi = t;
  }
  const q = hi / n;
  if (!Number.isFinite(q)) return q;
  const [p, e] = twoProduct(q, n);
  return q + (hi - p - e + lo) / n;
}

function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const split = (x: number): [number, number] => {
    const c = 134217729 * x;
    const h = c - (c - x);
    return [h, x - h];
  };
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** R's `initstate`: [l, b?, s0 … s_{m−2}] (the last seasonal state is implied). */
function initialEtsStates(y: Float64Array, form: EtsForm): Float64Array {
  const n = y.length;
  let seasonStates: number[] = [];
  let adjusted = y;
  if (form.season !== 'N') {
    const m = form.period;
    let seasonal: Float64Array;
    if (n < 3 * m) {
      // R regresses on a trend and one Fourier pair when there are too few seasons to decompose.
      const t = Float64Array.from({ length: n }, (_, i) => i + 1);
      const columns = [new Float64Array(n).fill(1), t];
      if (m !== 2) columns.push(t.map((ti) => Math.sin((2 * Math.PI * ti) / m)));
      columns.push(t.map((ti) => Math.cos((2 * Math.PI * ti) / m)));
      const c = leastSquares(columns, y);
      const [c0, c1] = [c[0] as number, c[1] as number];
      seasonal = y.map((v, i) => (form.season === 'A' ? v - c0 - c1 * (i + 1) : v / (c0 + c1 * (i + 1))));
    } else {
      seasonal = classicalSeasonal(y, m, form.season === 'A' ? 'additive' : 'multiplicative');
    }
    for (let i = m - 1; i >= 1; i--) seasonStates.push(seasonal[i] as number);
    if (form.season === 'A') {
      adjusted = y.map((v, i) => v - (seasonal[i] as number));
    } else {
      seasonStates = seasonStates.map((v) => Math.max(v, 0.01));
      const total = seasonStates.reduce((a, v) => a + v, 0);
      if (total > m) seasonStates = seasonStates.map((v) => v / (total + 0.01 * seasonStates.length));
      adjusted = y.map((v, i) => v / Math.max(seasonal[i] as number, 0.01));
    }
  }
  const maxn = Math.min(Math.max(10, 2 * (form.season === 'N' ? 1 : form.period)), n);
  const head = adjusted.subarray(0, maxn);
  if (form.trend === 'N') {
    return Float64Array.from([meanOf(head), ...seasonStates]);
  }
  let { intercept: l0, slope: b0 } = fitLine(
    Float64Array.from({ length: maxn }, (_, i) => i + 1),
    head,
  );
  if (Math.abs(l0 + b0) < 1e-8) {
    l0 *= 1 + 0.001;
    b0 *= 1 - 0.001;
  }
  return Float64Array.from([l0, b0, ...seasonStates]);
}

/**
 * True when every root of Σ c[k] z^k (c[0] the constant) lies within radius r: the Schur–Cohn recursion on p(r·z),
 * which answers R's `max(abs(polyroot(P))) <= r` without finding the roots.
 */
export function rootsWithin(coefficients: ArrayLike<number>, radius: number): boolean {
  let a = new Float64Array(coefficients.length);
  let next = new Float64Array(coefficients.length);
  let power = 1;
  for (let k = 0; k < a.length; k++, power *= radius) a[k] = (coefficients[k] as number) * power;
  let d = a.length - 1;
  while (d > 0 && a[d] === 0) d--;
  for (; d > 0; d--) {
    const lead = a[d] as number;
    const constant = a[0] as number;
    if (Math.abs(constant) >= Math.abs(lead)) return false;
    // (lead·a(z) − constant·a*(z)) / z has as many roots inside the disc, one degree fewer (Rouché).
    for (let k = 1; k <= d; k++) next[k - 1] = lead * (a[k] as number) - constant * (a[d - k] as number);
    // Coefficients square at each step: rescale so that they neither underflow nor overflow.
    const scale = next[d - 1] as number;
    for (let k = 0; k < d; k++) next[k] = (next[k] as number) / scale;
    [a, next] = [next, a];
  }
  return true;
}

/** R's `check.param` with bounds = "both": the usual bounds, then the admissible region. */
function parametersAllowed(form: EtsForm, alpha: number, beta: number, gamma: number, phi: number): boolean {
  if (alpha < LOWER[0] || alpha > UPPER[0]) return false;
  if (form.trend !== 'N' && (beta < LOWER[1] || beta > alpha || beta > UPPER[1])) return false;
  if (form.damped && (phi < LOWER[3] || phi > UPPER[3])) return false;
  if (form.season !== 'N' && (gamma < LOWER[2] || gamma > 1 - alpha || gamma > UPPER[2])) return false;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (form.season === 'N') {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (form.trend !== 'N' && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  const m = form.period;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  const poly = new Float64Array(m + 2);
  poly[0] = phi * (1 - alpha - gamma);
  poly[1] = alpha + beta - alpha * phi + gamma - 1;
  for (let k = 2; k < m; k++) poly[k] = alpha + beta - alpha * phi;
  poly[m] = alpha + beta - phi;
  poly[m + 1] = 1;
  return rootsWithin(poly, 1 + 1e-10);
}

/**
 * Fits one form as `etsmodel` does; undefined where R gives the form an infinite criterion (too few observations for
 * its parameters, or no finite likelihood at the start).
 */
export function fitEtsForm(y: Float64Array, form: EtsForm, options: EtsFitOptions = {}): EtsFit | undefined {
  const n = y.length;
  const hasTrend = form.trend !== 'N';
  const hasSeason = form.season !== 'N';
  const m = hasSeason ? form.period : 1;
  if (hasSeason && n < 4) return undefined;
  const states = initialEtsStates(y, form);
  const alpha0 = LOWER[0] + (0.2 * (UPPER[0] - LOWER[0])) / m;
  const start = [alpha0];
  if (hasTrend) start.push(LOWER[1] + 0.1 * (Math.min(UPPER[1], alpha0) - LOWER[1]));
  if (hasSeason) start.push(LOWER[2] + 0.05 * (Math.min(UPPER[2], 1 - alpha0) - LOWER[2]));
  if (form.damped) start.push(LOWER[3] + 0.99 * (UPPER[3] - LOWER[3]));
  const nSmoothing = start.length;
  const par = Float64Array.from([...start, ...states]);
  const np = par.length;
  if (np >= n - 1) return undefined;

  const criterion = options.criterion ?? 'lik';
  const seasonStart = hasTrend ? 2 : 1;
  const state = new Float64Array(seasonStart + (hasSeason ? m : 0));
  const model: EtsModel = { form, alpha: 0, beta: 0, gamma: 0, phi: 1, initialState: state };
  const unpack = (p: Float64Array): boolean => {
    let k = 0;
    model.alpha = p[k++] as number;
    model.beta = hasTrend ? (p[k++] as number) : 0;
    model.gamma = hasSeason ? (p[k++] as number) : 0;
    model.phi = form.damped ? (p[k] as number) : 1;
    if (!parametersAllowed(form, model.alpha, model.beta, model.gamma, model.phi)) return false;
    let seasonSum = 0;
    for (let j = 0; j < np - nSmoothing; j++) {
      state[j] = p[nSmoothing + j] as number;
      if (j >= seasonStart) seasonSum += state[j] as number;
    }
    if (hasSeason) {
      state[state.length - 1] = (form.season === 'M' ? m : 0) - seasonSum;
      if (form.season === 'M') for (let j = seasonStart; j < state.length; j++) if ((state[j] as number) < 0) return false;
    }
    return true;
  };
  const objective = (p: Float64Array): number => {
    if (!unpack(p)) return Infinity;
    const run = runEtsRecursion(y, model);
    const lik = run.lik < -1e10 ? -1e10 : run.lik;
    if (Number.isNaN(lik)) return Infinity;
    return criterion === 'lik' ? lik : run.mse;
  };
  const best = minimiseNelderMead(objective, par, { maxEvaluations: options.maxEvaluations ?? 2000 });
  if (!Number.isFinite(best.value) || !unpack(best.x)) return undefined;

  const fitted: EtsModel = { ...model, initialState: Float64Array.from(state) };
  const residuals = new Float64Array(n);
  const finalState = new Float64Array(state.length);
  const { lik } = runEtsRecursion(y, fitted, { residuals, finalState });
  if (!Number.isFinite(lik)) return undefined;
  const k = np + 1;
  const aicc = lik + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
  let sse = 0;
  for (const e of residuals) sse += e * e;
  return { ...fitted, lik, aicc, estimated: np, residuals, finalState, sigma2: sse / (n - np) };
}
