/**
 * Nelder–Mead minimisation, a line-by-line port of R's `nmmin` (src/appl/optim.c: Nash's "Compact Numerical Methods"
 * as recrafted by B. D. Ripley), which is what `forecast::ets` runs through `etsNelderMead` with R's defaults
 * (reflection 1, contraction 0.5, expansion 2, relative tolerance √ε, at most `maxit` function evaluations).
 *
 * Why a port rather than an npm package: ETS likelihoods are multimodal, and which optimum the search lands on depends
 * on the exact start simplex (10 % of the largest |parameter|), step rules and stopping test. Reproducing R's model
 * choice needs R's path; `fmin` (0.0.4, the small npm candidate) builds its simplex and stops differently.
 */

export interface NelderMeadOptions {
  /** Most function evaluations (R's `maxit`, which nmmin counts in evaluations, not iterations). */
  maxEvaluations: number;
  /** Relative convergence tolerance on the spread of function values over the simplex (R: sqrt(.Machine$double.eps)). */
  relativeTolerance?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
}

/** R's stand-in for a non-finite function value. */
const BIG = 1.0e35;

export function minimiseNelderMead(
  fn: (x: Float64Array) => number,
  start: Float64Array,
  options: NelderMeadOptions,
): NelderMeadResult {
  const n = start.length;
  const intol = options.relativeTolerance ?? Math.sqrt(Number.EPSILON);
  const bvec = Float64Array.from(start);
  const finite = (v: number): number => (Number.isFinite(v) ? v : BIG);
  let f = fn(bvec);
  if (!Number.isFinite(f) || n === 0) return { x: bvec, value: f, evaluations: 1 };

  // Column-major as in nmmin: vertex j occupies P[j*rows .. j*rows+n-1], its function value P[j*rows+n]; column n+1
  // is the centroid. Flat, so that the 2000 iterations stay cheap next to the likelihood they call.
  const n1 = n + 1;
  const rows = n1;
  const P = new Float64Array(rows * (n + 2));
  const C = n + 1;
  let funcount = 1;
  const convtol = intol * (Math.abs(f) + intol);
  P[n] = f;
  for (let i = 0; i < n; i++) P[i] = bvec[i] as number;
  let L = 0;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(bvec[i] as number));
  if (step === 0) step = 0.1;
  for (let j = 1; j < n1; j++) {
    const col = j * rows;
    for (let i = 0; i < n; i++) P[col + i] = bvec[i] as number;
    let trystep = step;
    while (P[col + j - 1] === bvec[j - 1]) {
      P[col + j - 1] = (bvec[j - 1] as number) + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  do {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j !== L) {
          for (let i = 0; i < n; i++) bvec[i] = P[j * rows + i] as number;
          P[j * rows + n] = finite(fn(bvec));
          funcount++;
        }
      }
      calcvert = false;
    }
    let VL = P[L * rows + n] as number;
    let VH = VL;
    let H = L;
    for (let j = 0; j < n1; j++) {
      if (j !== L) {
        const fj = P[j * rows + n] as number;
        if (fj < VL) {
          L = j;
          VL = fj;
        }
        if (fj > VH) {
          H = j;
          VH = fj;
        }
      }
    }
    if (VH <= VL + convtol || VL <= -Infinity) break;

    const hCol = H * rows;
    const cCol = C * rows;
    for (let i = 0; i < n; i++) {
      let temp = -(P[hCol + i] as number);
      for (let j = 0; j < n1; j++) temp += P[j * rows + i] as number;
      P[cCol + i] = temp / n;
    }
    for (let i = 0; i < n; i++) bvec[i] = 2 * (P[cCol + i] as number) - (P[hCol + i] as number);
    f = finite(fn(bvec));
    funcount++;
    const VR = f;
    if (VR < VL) {
      P[cCol + n] = f;
      for (let i = 0; i < n; i++) {
        const expanded = 2 * (bvec[i] as number) - (P[cCol + i] as number);
        P[cCol + i] = bvec[i] as number;
        bvec[i] = expanded;
      }
      f = finite(fn(bvec));
      funcount++;
      if (f < VR) {
        for (let i = 0; i < n; i++) P[hCol + i] = bvec[i] as number;
        P[hCol + n] = f;
      } else {
        for (let i = 0; i < n; i++) P[hCol + i] = P[cCol + i] as number;
        P[hCol + n] = VR;
      }
    } else {
      if (VR < VH) {
        for (let i = 0; i < n; i++) P[hCol + i] = bvec[i] as number;
        P[hCol + n] = VR;
      }
      for (let i = 0; i < n; i++) bvec[i] = 0.5 * (P[hCol + i] as number) + 0.5 * (P[cCol + i] as number);
      f = finite(fn(bvec));
      funcount++;
      if (f < (P[hCol + n] as number)) {
        for (let i = 0; i < n; i++) P[hCol + i] = bvec[i] as number;
        P[hCol + n] = f;
      } else if (VR >= VH) {
        // Shrink towards the best vertex; give up when the simplex stops getting smaller.
        calcvert = true;
        size = 0;
        const lCol = L * rows;
        for (let j = 0; j < n1; j++) {
          if (j !== L) {
            for (let i = 0; i < n; i++) {
              const best = P[lCol + i] as number;
              const v = 0.5 * ((P[j * rows + i] as number) - best) + best;
              P[j * rows + i] = v;
              size += Math.abs(v - best);
            }
          }
        }
        if (size < oldsize) oldsize = size;
        else break;
      }
    }
  } while (funcount <= options.maxEvaluations);

  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = P[L * rows + i] as number;
  return { x, value: P[L * rows + n] as number, evaluations: funcount };
}
